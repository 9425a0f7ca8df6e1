/*
 * error.c -- the thread-local "last error" behind mosaic_error_last().
 * SPDX-License-Identifier: MIT
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "error.h"

#define ERROR_MESSAGE_MAX 1024

static _Thread_local char last_message[ERROR_MESSAGE_MAX];
static _Thread_local mosaic_error last = { 0, "" };

int mosaic__error_set(int code, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(last_message, sizeof(last_message), fmt, ap);
    va_end(ap);
    /* one line: fold any newline a caller's text smuggled in */
    for (char *p = last_message; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    last.code = code;
    last.message = last_message;
    return code;
}

int mosaic__error_oom(void)
{
    return mosaic__error_set(MOSAIC_ENOMEM, "out of memory");
}

const mosaic_error *mosaic_error_last(void)
{
    if (last.message == NULL)
        last.message = "";
    return &last;
}

void mosaic_error_clear(void)
{
    last_message[0] = '\0';
    last.code = 0;
    last.message = last_message;
}
