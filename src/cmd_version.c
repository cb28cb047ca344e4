/*
 * COMMAND: version
 * USAGE:   hiepthuong version   (or hiepthuong --version)
 *
 * Prints hiepthuong's version and the versions of the libraries it runs
 * with, as reported by the libraries themselves at run time.
 */
#include <stdio.h>
#include <sqlite3.h>
#include <xlsxwriter.h>
#include <yaml.h>
#include "cmd.h"
#include "diag.h"
#include "hash.h"
#include "opt.h"
#include "version.h"
#include "text.h"
#include "banned.h"

int cmd_version(struct ctx *ctx, int argc, char **argv)
{
	int rc;

	if (argc > 1 && opt_parse(ctx, argc, argv, NULL, "hiepthuong version", &rc) < 0)
		return rc;
	printf("hiepthuong %s\n", HIEPTHUONG_VERSION);
	printf("sqlite %s\n", sqlite3_libversion());
	printf("libyaml %s\n", yaml_get_version_string());
	printf("libxlsxwriter %s\n", lxw_version());
	printf("ICU %s\n", text_icu_version());
	printf("%s\n", hash_library());
	return 0;
}
