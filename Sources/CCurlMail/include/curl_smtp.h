#ifndef CURL_SMTP_H
#define CURL_SMTP_H
#include <stddef.h>

/// Sends one message over SMTP with libcurl (curl_easy_setopt is variadic, which Swift cannot call).
/// `url` is smtp://host:port (or smtps:// for TLS from the start); `require_tls` makes STARTTLS mandatory.
/// Returns 0 when the server accepted the message; otherwise libcurl's error code, with a message in `error`
/// and the server's last reply code (0 when it never answered) in `smtp_code`.
int curl_smtp_send(const char *url, int require_tls, const char *username, const char *password, const char *from,
                   const char *recipient, const char *message, size_t length, long timeout_seconds, char *error,
                   size_t error_size, long *smtp_code);

#endif
