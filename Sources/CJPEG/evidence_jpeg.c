#include "evidence_jpeg.h"
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>

typedef struct {
    struct jpeg_error_mgr base;
    jmp_buf jump;
    char *message;
    size_t message_size;
} evj_error;

typedef struct {
    struct jpeg_progress_mgr base;
    int max_scans;
    int too_many_scans;
} evj_progress;

static void evj_fail(j_common_ptr cinfo) {
    evj_error *error = (evj_error *)cinfo->err;
    if (error->message && error->message_size > 0) {
        char text[JMSG_LENGTH_MAX];
        (*cinfo->err->format_message)(cinfo, text);
        snprintf(error->message, error->message_size, "%s", text);
    }
    longjmp(error->jump, 1);
}

/* Warnings (level -1) are corrupt or truncated data: fail on them. Trace messages are ignored. */
static void evj_emit(j_common_ptr cinfo, int level) {
    if (level < 0) evj_fail(cinfo);
}

static void evj_output_nothing(j_common_ptr cinfo) { (void)cinfo; }

static void evj_progress_check(j_common_ptr cinfo) {
    evj_progress *progress = (evj_progress *)cinfo->progress;
    if (cinfo->is_decompressor) {
        j_decompress_ptr d = (j_decompress_ptr)cinfo;
        if (d->input_scan_number > progress->max_scans) {
            progress->too_many_scans = 1;
            evj_error *error = (evj_error *)cinfo->err;
            if (error->message) snprintf(error->message, error->message_size, "too many progressive scans");
            longjmp(error->jump, 1);
        }
    }
}

static void evj_setup_errors(evj_error *error, char *message, size_t message_size) {
    jpeg_std_error(&error->base);
    error->base.error_exit = evj_fail;
    error->base.emit_message = evj_emit;
    error->base.output_message = evj_output_nothing;
    error->message = message;
    error->message_size = message_size;
    if (message && message_size > 0) message[0] = 0;
}

int evj_read_header(const unsigned char *data, size_t size, evj_header *header, char *message, size_t message_size) {
    struct jpeg_decompress_struct cinfo;
    evj_error error;
    evj_setup_errors(&error, message, message_size);
    cinfo.err = &error.base;
    if (setjmp(error.jump)) {
        jpeg_destroy_decompress(&cinfo);
        return -1;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, data, (unsigned long)size);
    jpeg_read_header(&cinfo, TRUE);
    header->width = (int)cinfo.image_width;
    header->height = (int)cinfo.image_height;
    header->components = cinfo.num_components;
    header->progressive = jpeg_has_multiple_scans(&cinfo) ? 1 : 0;
    jpeg_destroy_decompress(&cinfo);
    return 0;
}

int evj_decode_rgb(const unsigned char *data, size_t size, int scale_num, evj_limits limits,
                   unsigned char **pixels, int *width, int *height, char *message, size_t message_size) {
    struct jpeg_decompress_struct cinfo;
    evj_error error;
    evj_progress progress;
    unsigned char *volatile output = NULL;
    unsigned char *volatile row = NULL;
    evj_setup_errors(&error, message, message_size);
    cinfo.err = &error.base;
    *pixels = NULL;
    if (setjmp(error.jump)) {
        free(output);
        free(row);
        jpeg_destroy_decompress(&cinfo);
        return -1;
    }
    jpeg_create_decompress(&cinfo);
    cinfo.mem->max_memory_to_use = limits.max_memory;
    memset(&progress, 0, sizeof progress);
    progress.base.progress_monitor = evj_progress_check;
    progress.max_scans = limits.max_scans;
    cinfo.progress = &progress.base;
    jpeg_mem_src(&cinfo, data, (unsigned long)size);
    jpeg_read_header(&cinfo, TRUE);

    int cmyk = cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK;
    cinfo.out_color_space = cmyk ? JCS_CMYK : JCS_RGB;
    cinfo.scale_num = (unsigned int)(scale_num < 1 ? 1 : scale_num > 8 ? 8 : scale_num);
    cinfo.scale_denom = 8;
    cinfo.dct_method = JDCT_ISLOW;
    jpeg_start_decompress(&cinfo);

    size_t w = cinfo.output_width, h = cinfo.output_height, in_components = (size_t)cinfo.output_components;
    output = malloc(w * h * 3);
    row = malloc(w * in_components);
    if (!output || !row) {
        snprintf(message, message_size, "out of memory");
        longjmp(error.jump, 1);
    }
    int inverted = cinfo.saw_Adobe_marker;
    while (cinfo.output_scanline < cinfo.output_height) {
        size_t y = cinfo.output_scanline;
        JSAMPROW rows[1] = { cmyk ? row : output + y * w * 3 };
        jpeg_read_scanlines(&cinfo, rows, 1);
        if (cmyk) {
            unsigned char *out = output + y * w * 3;
            for (size_t x = 0; x < w; x++) {
                unsigned int c = row[4 * x], m = row[4 * x + 1], ye = row[4 * x + 2], k = row[4 * x + 3];
                if (!inverted) { c = 255 - c; m = 255 - m; ye = 255 - ye; k = 255 - k; }
                out[3 * x] = (unsigned char)(c * k / 255);
                out[3 * x + 1] = (unsigned char)(m * k / 255);
                out[3 * x + 2] = (unsigned char)(ye * k / 255);
            }
        }
    }
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    free(row);
    *pixels = output;
    *width = (int)w;
    *height = (int)h;
    return 0;
}

int evj_encode_rgb(const unsigned char *pixels, int width, int height, int quality,
                   unsigned char **output, unsigned long *output_size, char *message, size_t message_size) {
    struct jpeg_compress_struct cinfo;
    evj_error error;
    unsigned char *volatile buffer = NULL;
    unsigned long buffer_size = 0;
    evj_setup_errors(&error, message, message_size);
    cinfo.err = &error.base;
    if (setjmp(error.jump)) {
        jpeg_destroy_compress(&cinfo); /* the partial output buffer leaks here; our own RGB never fails */
        return -1;
    }
    jpeg_create_compress(&cinfo);
    jpeg_mem_dest(&cinfo, (unsigned char **)&buffer, &buffer_size);
    cinfo.image_width = (JDIMENSION)width;
    cinfo.image_height = (JDIMENSION)height;
    cinfo.input_components = 3;
    cinfo.in_color_space = JCS_RGB;
    jpeg_set_defaults(&cinfo);
    jpeg_set_quality(&cinfo, quality, TRUE);
    cinfo.optimize_coding = TRUE;
    jpeg_start_compress(&cinfo, TRUE);
    while (cinfo.next_scanline < cinfo.image_height) {
        JSAMPROW rows[1] = { (JSAMPROW)(pixels + (size_t)cinfo.next_scanline * (size_t)width * 3) };
        jpeg_write_scanlines(&cinfo, rows, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    *output = buffer;
    *output_size = buffer_size;
    return 0;
}

void evj_free(void *pointer) { free(pointer); }
