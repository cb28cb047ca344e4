/*
 * hash.c - SHA-256 through libcrypto on POSIX systems, through Windows'
 * own CNG (bcrypt.dll, in every Windows since Vista) in hiepthuong.exe;
 * see hash.h and docs/windows.md.  Only the five primitives differ.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef _WIN32
#include <windows.h>
#include <bcrypt.h>
#else
#include <openssl/crypto.h>
#include <openssl/evp.h>
#endif
#include "diag.h"
#include "hash.h"
#include "banned.h"

#ifdef _WIN32
struct hash {
	BCRYPT_HASH_HANDLE h;
};

static void die_crypto(const char *what)
{
	bug("bcrypt: %s failed", what);
	abort();
}

static BCRYPT_ALG_HANDLE sha256_alg(void)
{
	static BCRYPT_ALG_HANDLE alg;

	if (!alg && BCryptOpenAlgorithmProvider(&alg, BCRYPT_SHA256_ALGORITHM, NULL, 0) != 0)
		die_crypto("BCryptOpenAlgorithmProvider(SHA256)");
	return alg;
}

struct hash *hash_new(void)
{
	struct hash *h = malloc(sizeof(*h));

	if (!h)
		die_crypto("malloc");
	if (BCryptCreateHash(sha256_alg(), &h->h, NULL, 0, NULL, 0, 0) != 0)
		die_crypto("BCryptCreateHash");
	return h;
}

struct hash *hash_dup(const struct hash *h)
{
	struct hash *n = malloc(sizeof(*n));

	if (!n)
		die_crypto("malloc");
	if (BCryptDuplicateHash(h->h, &n->h, NULL, 0, 0) != 0)
		die_crypto("BCryptDuplicateHash");
	return n;
}

void hash_free(struct hash *h)
{
	if (!h)
		return;
	BCryptDestroyHash(h->h);
	free(h);
}

void hash_add(struct hash *h, const void *data, size_t len)
{
	const unsigned char *p = data;

	while (len) {
		ULONG k = len > 0x40000000u ? 0x40000000u : (ULONG)len;

		if (BCryptHashData(h->h, (PUCHAR)p, k, 0) != 0)
			die_crypto("BCryptHashData");
		p += k;
		len -= k;
	}
}

void hash_end(struct hash *h, unsigned char out[HASH_LEN])
{
	if (BCryptFinishHash(h->h, out, HASH_LEN, 0) != 0)
		die_crypto("BCryptFinishHash");
	hash_free(h);
}

const char *hash_library(void)
{
	return "Windows CNG (bcrypt.dll) SHA-256";
}
#else

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

void hash_end(struct hash *h, unsigned char out[HASH_LEN])
{
	unsigned int n = 0;

	if (EVP_DigestFinal_ex(h->md, out, &n) != 1 || n != HASH_LEN)
		die_crypto("EVP_DigestFinal_ex");
	EVP_MD_CTX_free(h->md);
	free(h);
}

const char *hash_library(void)
{
	return OpenSSL_version(OPENSSL_VERSION);
}
#endif

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
