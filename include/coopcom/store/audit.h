/*
 * audit.h: the hash of one audit entry, for a program that writes the
 * trail in bulk (the benchmark's generator) so that `coopcom check`
 * verifies what it wrote. Everything else appends through the store's
 * writes, which chain the entries themselves.
 */
#ifndef COOPCOM_STORE_AUDIT_H
#define COOPCOM_STORE_AUDIT_H

#include <stdint.h>

/* A SHA-256 in hex, with its NUL. */
#define AUDIT_HASH_HEX 65

/* One entry's content: the columns of the audit table but its hash. */
struct audit_entry {
	int64_t id;
	const char *at;			/* UTC "YYYY-MM-DD HH:MM:SS" */
	const char *login, *entity, *action;
	const char *changes;		/* JSON object text */
	const char *note;		/* "" for none */
	const char *prev;		/* the previous entry's hash */
	int64_t person_id, entity_id, decision_id;	/* 0 for none */
};

/* The "previous hash" of the first entry. */
extern const char audit_genesis[AUDIT_HASH_HEX];

/* The entry's hash as the chain records it (hex, NUL-terminated). */
void audit_entry_hash(const struct audit_entry *en, char out[AUDIT_HASH_HEX]);

#endif
