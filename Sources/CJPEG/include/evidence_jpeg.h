#ifndef EVIDENCE_JPEG_H
#define EVIDENCE_JPEG_H
#include <stddef.h>

/// What a JPEG's header says, read without decoding any image data.
typedef struct {
    int width;
    int height;
    int components;
    int progressive;
} evj_header;

/// Limits enforced while decoding.
typedef struct {
    int max_scans;           /* a progressive file with more scans than this is refused */
    long max_memory;         /* bytes libjpeg's memory manager may use */
} evj_limits;

/// All functions return 0 on success, or -1 with a message (libjpeg's own text) in `message`.
/// libjpeg's errors and its warnings (a truncated file, corrupt data) are both failures here: they
/// come back through setjmp/longjmp inside this C file and never reach Swift as a jump.
int evj_read_header(const unsigned char *data, size_t size, evj_header *header, char *message, size_t message_size);

/// Decodes to 8-bit RGB (3 bytes a pixel, no padding) at scale num/8 (DCT-domain scaling), converting
/// greyscale, YCbCr, CMYK and YCCK. `*pixels` is malloc'ed; release it with `evj_free`.
int evj_decode_rgb(const unsigned char *data, size_t size, int scale_num, evj_limits limits,
                   unsigned char **pixels, int *width, int *height, char *message, size_t message_size);

/// Encodes 8-bit RGB as a baseline JPEG with no metadata segments other than JFIF.
int evj_encode_rgb(const unsigned char *pixels, int width, int height, int quality,
                   unsigned char **output, unsigned long *output_size, char *message, size_t message_size);

void evj_free(void *pointer);

#endif
