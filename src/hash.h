/*
 * hash.h - SHA-256 for the audit trail, through OpenSSL's libcrypto.
 *
 * A thin wrapper so that the rest of the program never touches the EVP
 * API: start a hash, feed it bytes, and read the digest as 64 lower-case
 * hex digits.  Out of memory or a libcrypto failure aborts, as xmalloc()
 * does: a digest that silently came out wrong would be worse.
 */
#ifndef HASH_H
#define HASH_H

#include <stddef.h>

#define HASH_LEN 32		/* bytes of a SHA-256 digest */
#define HASH_HEX_LEN 64		/* its hex form, without the NUL */

struct hash;

struct hash *hash_new(void);
void hash_add(struct hash *h, const void *data, size_t len);
void hash_addstr(struct hash *h, const char *s);

/* Add `len` bytes as a netstring: the length in decimal, ':', the bytes,
 * ','.  A sequence of netstrings can be split only one way. */
void hash_add_field(struct hash *h, const void *data, size_t len);

/* A copy of h as it is (to go on from there later); free with hash_free()
 * or finish with hash_end*(). */
struct hash *hash_dup(const struct hash *h);

/* Forget h without finishing it. */
void hash_free(struct hash *h);

/* Finish: the digest in out[HASH_LEN]; frees h. */
void hash_end(struct hash *h, unsigned char out[HASH_LEN]);

/* Finish into hex[HASH_HEX_LEN + 1]; frees h. */
void hash_end_hex(struct hash *h, char hex[HASH_HEX_LEN + 1]);

/* Hex form of a digest. */
void hash_hex(const unsigned char digest[HASH_LEN], char hex[HASH_HEX_LEN + 1]);

/* The name and version of the library, for `version`. */
const char *hash_library(void);

#endif
