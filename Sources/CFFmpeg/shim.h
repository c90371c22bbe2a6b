#ifndef VANTAGE_CFFMPEG_SHIM_H
#define VANTAGE_CFFMPEG_SHIM_H

#include <errno.h>
#include <libavformat/avformat.h>
#include <libavcodec/avcodec.h>
#include <libavutil/avutil.h>
#include <libavutil/display.h>
#include <libavutil/error.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>

/* Function-like and composite macros that Swift cannot import. */
static inline int vantage_averror(int posixError) { return AVERROR(posixError); }
static inline int vantage_averror_eof(void) { return AVERROR_EOF; }
static inline int vantage_averror_eagain(void) { return AVERROR(EAGAIN); }
static inline int vantage_averror_invaliddata(void) { return AVERROR_INVALIDDATA; }
static inline int vantage_averror_decoder_not_found(void) { return AVERROR_DECODER_NOT_FOUND; }
static inline int vantage_averror_encoder_not_found(void) { return AVERROR_ENCODER_NOT_FOUND; }
static inline int64_t vantage_av_nopts_value(void) { return AV_NOPTS_VALUE; }
static inline int vantage_av_time_base(void) { return AV_TIME_BASE; }
static inline int vantage_av_input_buffer_padding_size(void) { return AV_INPUT_BUFFER_PADDING_SIZE; }
static inline int vantage_av_error_max_string_size(void) { return AV_ERROR_MAX_STRING_SIZE; }

#endif
