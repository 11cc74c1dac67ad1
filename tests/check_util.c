/* check_util.c: the util layer's unit tests. */
#include "check.h"

CHECK_MAIN(buf_suite, text_suite, csv_suite)
