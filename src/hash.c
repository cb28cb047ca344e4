/* hash.c - SHA-256 through libcrypto; see hash.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include "diag.h"
#include "hash.h"
#include "banned.h"

struct hash {
	EVP_MD_CTX *md;
};

static void die_crypto(const char *what)
{
	bug("libcrypto: %s failed", what);
	abort();
}

struct hash *hash_new(void)
{
	struct hash *h = malloc(sizeof(*h));

	if (!h)
		die_crypto("malloc");
	h->md = EVP_MD_CTX_new();
	if (!h->md || EVP_DigestInit_ex(h->md, EVP_sha256(), NULL) != 1)
		die_crypto("EVP_DigestInit_ex(sha256)");
	return h;
}

struct hash *hash_dup(const struct hash *h)
{
	struct hash *n = malloc(sizeof(*n));

	if (!n)
		die_crypto("malloc");
	n->md = EVP_MD_CTX_new();
	if (!n->md || EVP_MD_CTX_copy_ex(n->md, h->md) != 1)
		die_crypto("EVP_MD_CTX_copy_ex");
	return n;
}

void hash_free(struct hash *h)
{
	if (!h)
		return;
	EVP_MD_CTX_free(h->md);
	free(h);
}

void hash_add(struct hash *h, const void *data, size_t len)
{
	if (len && EVP_DigestUpdate(h->md, data, len) != 1)
		die_crypto("EVP_DigestUpdate");
}

void hash_addstr(struct hash *h, const char *s)
{
	hash_add(h, s, strlen(s));
}

void hash_add_field(struct hash *h, const void *data, size_t len)
{
	char n[32];
	int k = snprintf(n, sizeof(n), "%zu:", len);

	hash_add(h, n, (size_t)k);
	hash_add(h, data, len);
	hash_add(h, ",", 1);
}

void hash_end(struct hash *h, unsigned char out[HASH_LEN])
{
	unsigned int n = 0;

	if (EVP_DigestFinal_ex(h->md, out, &n) != 1 || n != HASH_LEN)
		die_crypto("EVP_DigestFinal_ex");
	EVP_MD_CTX_free(h->md);
	free(h);
}

void hash_hex(const unsigned char digest[HASH_LEN], char hex[HASH_HEX_LEN + 1])
{
	static const char digits[] = "0123456789abcdef";

	for (int i = 0; i < HASH_LEN; i++) {
		hex[2 * i] = digits[digest[i] >> 4];
		hex[2 * i + 1] = digits[digest[i] & 15];
	}
	hex[HASH_HEX_LEN] = 0;
}

void hash_end_hex(struct hash *h, char hex[HASH_HEX_LEN + 1])
{
	unsigned char d[HASH_LEN];

	hash_end(h, d);
	hash_hex(d, hex);
}

const char *hash_library(void)
{
	return OpenSSL_version(OPENSSL_VERSION);
}
