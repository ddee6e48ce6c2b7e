#include "curl_http.h"
#include "curl_sink.h"
#include <curl/curl.h>
#include <pthread.h>
#include <stdio.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static void init_curl(void) { curl_global_init(CURL_GLOBAL_DEFAULT); }

int curl_http_post_form(const char *url, const char *username, const char *password, const char *form, long timeout_seconds,
                        size_t max_bytes, char **body, size_t *length, long *status, char *error, size_t error_size) {
    pthread_once(&once, init_curl);
    *body = NULL;
    *length = 0;
    *status = 0;
    CURL *curl = curl_easy_init();
    if (!curl) {
        snprintf(error, error_size, "libcurl could not start");
        return CURLE_FAILED_INIT;
    }
    char curl_error[CURL_ERROR_SIZE] = {0};
    struct curl_sink sink = {NULL, 0, 0, max_bytes};
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    if (username && *username) {
        curl_easy_setopt(curl, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
        curl_easy_setopt(curl, CURLOPT_USERNAME, username);
        curl_easy_setopt(curl, CURLOPT_PASSWORD, password ? password : "");
    }
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, form);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, curl_sink_write);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, timeout_seconds);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, timeout_seconds < 10 ? timeout_seconds : 10L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, curl_error);
    CURLcode result = curl_easy_perform(curl);
    if (result != CURLE_OK) {
        snprintf(error, error_size, "%s", curl_error[0] ? curl_error : curl_easy_strerror(result));
        free(sink.bytes);
    } else {
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, status);
        *body = sink.bytes;
        *length = sink.length;
    }
    curl_easy_cleanup(curl);
    return (int)result;
}

void curl_http_free(char *body) { free(body); }
