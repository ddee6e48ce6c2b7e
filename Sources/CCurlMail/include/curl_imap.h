#ifndef CURL_IMAP_H
#define CURL_IMAP_H
#include <stddef.h>

/// Runs one IMAP request with libcurl: `url` is imap://host:port/MAILBOX (imaps:// for TLS from the start), with
/// `;UID=n` to fetch that message whole; `command` a custom request run in that mailbox ("UID SEARCH …",
/// "UID STORE …"), or NULL for the fetch. `require_tls` makes STARTTLS mandatory. The response (the message, or the
/// untagged lines of a command) is put in `*body` (malloc'd, NUL-terminated, freed with curl_imap_free), at most
/// `max_bytes` of it (more is an error). Returns 0, or libcurl's error code with a message in `error`.
/// `session` (from curl_imap_session_new, or NULL for a connection of its own) keeps the connection open between
/// requests to the same server and user, so that a batch of messages is one login, not one per message; one
/// request at a time may use a session. `fresh` makes the request open a new connection (the session then keeps that).
int curl_imap_request(void *session, int fresh, const char *url, int require_tls, const char *username, const char *password, const char *command,
                      long timeout_seconds, size_t max_bytes, char **body, size_t *length, char *error, size_t error_size);

void curl_imap_free(char *body);

/// A connection kept between requests (NULL when libcurl cannot start), and its end.
void *curl_imap_session_new(void);
void curl_imap_session_free(void *session);

#endif
