/*
 * fuzz.h: the entry point every fuzzing harness defines.
 *
 * Built with clang -fsanitize=fuzzer (make fuzz), libFuzzer calls it with
 * generated inputs; built with driver.c (make check), it is called once
 * for each file of the harness's seed corpus, tests/fuzz/corpus/NAME/,
 * so every input that once crashed stays a regression test.
 */
#ifndef COOPCOM_TESTS_FUZZ_H
#define COOPCOM_TESTS_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The input as a NUL-terminated string (caller frees). */
char *fuzz_string(const uint8_t *data, size_t size);

#endif
