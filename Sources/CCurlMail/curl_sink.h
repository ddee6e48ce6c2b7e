#ifndef CURL_SINK_H
#define CURL_SINK_H
#include <stdlib.h>
#include <string.h>

/// A response body collected in memory, at most `max` bytes (more stops the transfer with CURLE_WRITE_ERROR).
struct curl_sink {
    char *bytes;
    size_t length;
    size_t capacity;
    size_t max;
};

static inline size_t curl_sink_write(char *data, size_t size, size_t count, void *context) {
    struct curl_sink *sink = context;
    size_t n = size * count;
    if (sink->length + n > sink->max) return 0; /* too large: libcurl stops with CURLE_WRITE_ERROR */
    if (sink->length + n + 1 > sink->capacity) {
        size_t capacity = sink->capacity ? sink->capacity : 65536;
        while (capacity < sink->length + n + 1) capacity *= 2;
        char *grown = realloc(sink->bytes, capacity);
        if (!grown) return 0;
        sink->bytes = grown;
        sink->capacity = capacity;
    }
    memcpy(sink->bytes + sink->length, data, n);
    sink->length += n;
    sink->bytes[sink->length] = 0;
    return n;
}

#endif
