/* check_conf.c: the conf layer's unit tests. */
#include "check.h"

CHECK_MAIN(config_suite, workflow_file_suite)
