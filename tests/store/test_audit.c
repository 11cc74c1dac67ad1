#include <check.h>
Suite *audit_suite(void);
Suite *audit_suite(void) { return suite_create("audit"); }
