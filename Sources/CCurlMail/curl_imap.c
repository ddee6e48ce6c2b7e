#include "curl_imap.h"
#include "curl_sink.h"
#include <curl/curl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static void init_curl(void) { curl_global_init(CURL_GLOBAL_DEFAULT); }

void *curl_imap_session_new(void) {
    pthread_once(&once, init_curl);
    return curl_easy_init();
}

void curl_imap_session_free(void *session) {
    if (session) curl_easy_cleanup((CURL *)session);
}

int curl_imap_request(void *session, int fresh, const char *url, int require_tls, const char *username, const char *password, const char *command,
                      long timeout_seconds, size_t max_bytes, char **body, size_t *length, char *error, size_t error_size) {
    pthread_once(&once, init_curl);
    *body = NULL;
    *length = 0;
    // A session's handle keeps its open connection through a reset (the options go, the connection cache stays).
    CURL *curl = session ? (CURL *)session : curl_easy_init();
    if (session) curl_easy_reset(curl);
    if (!curl) {
        snprintf(error, error_size, "libcurl could not start");
        return CURLE_FAILED_INIT;
    }
    char curl_error[CURL_ERROR_SIZE] = {0};
    struct curl_sink sink = {NULL, 0, 0, max_bytes};
    curl_easy_setopt(curl, CURLOPT_URL, url);
    if (fresh) curl_easy_setopt(curl, CURLOPT_FRESH_CONNECT, 1L);
    curl_easy_setopt(curl, CURLOPT_USE_SSL, (long)(require_tls ? CURLUSESSL_ALL : CURLUSESSL_NONE));
    if (username && *username) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, username);
        curl_easy_setopt(curl, CURLOPT_PASSWORD, password ? password : "");
    }
    if (command) curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, command);
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
        *body = sink.bytes;
        *length = sink.length;
    }
    if (!session) curl_easy_cleanup(curl);
    return (int)result;
}

void curl_imap_free(char *body) { free(body); }
