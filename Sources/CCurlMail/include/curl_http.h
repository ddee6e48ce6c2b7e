#ifndef CURL_HTTP_H
#define CURL_HTTP_H
#include <stddef.h>

/// POSTs one urlencoded form with libcurl, with HTTP basic authentication when `username` is given. Only http and
/// https are allowed (no redirects followed). The response body goes to `*body` (malloc'd, NUL-terminated, freed
/// with curl_http_free), at most `max_bytes`; its HTTP status to `*status`. Returns 0 when an HTTP answer came
/// (whatever its status), or libcurl's error code with a message in `error`.
int curl_http_post_form(const char *url, const char *username, const char *password, const char *form, long timeout_seconds,
                        size_t max_bytes, char **body, size_t *length, long *status, char *error, size_t error_size);

void curl_http_free(char *body);

#endif
