/*
 * fuzz_xlsx.c - libFuzzer target for the .xlsx reader (xlsx_read.h):
 * xlsx_reader_open() and xlsx_reader_next() until the end or an error.
 *
 * An input that starts with "PK" is a whole file: the zip container, its
 * directory and its compressed streams are fuzzed.  Any other input is
 * XML: the bytes up to the first NUL are the sheet, the rest the shared
 * strings, and the target packs them, stored (not compressed), into an
 * otherwise correct workbook, so that mutations reach the XML handlers
 * instead of dying in the zip layer.  The seeds (tests/fuzz/seeds/xlsx/)
 * have both kinds.
 */
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>
#include "xlsx_read.h"
#include "banned.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char ct[] =
	"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>";
static const char root_rels[] =
	"<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	"officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
static const char wb[] =
	"<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
	"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><workbookPr/><sheets>"
	"<sheet name=\"A\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char wb_rels[] =
	"<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	"worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	"sharedStrings\" Target=\"sharedStrings.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	"styles\" Target=\"styles.xml\"/></Relationships>";
static const char styles[] =
	"<?xml version=\"1.0\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
	"<numFmts><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy hh:mm\"/></numFmts>"
	"<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"20\"/></cellXfs>"
	"</styleSheet>";

static int add(zip_t *z, const char *name, const void *data, size_t len)
{
	zip_source_t *src = zip_source_buffer(z, data, len, 0);
	zip_int64_t idx;

	if (!src)
		return -1;
	idx = zip_file_add(z, name, src, ZIP_FL_OVERWRITE);
	if (idx < 0) {
		zip_source_free(src);
		return -1;
	}
	return zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
}

/* The XML of the input in a workbook: a file descriptor, or -1. */
static int pack(const uint8_t *data, size_t size, char *path)
{
	const uint8_t *nul = memchr(data, 0, size);
	size_t nsheet = nul ? (size_t)(nul - data) : size;
	int err = 0, fd = mkstemp(path);
	zip_t *z;

	if (fd < 0)
		return -1;
	close(fd);
	z = zip_open(path, ZIP_TRUNCATE, &err);
	if (!z)
		return -1;
	if (add(z, "[Content_Types].xml", ct, sizeof(ct) - 1) < 0 || add(z, "_rels/.rels", root_rels, sizeof(root_rels) - 1) < 0 ||
	    add(z, "xl/workbook.xml", wb, sizeof(wb) - 1) < 0 ||
	    add(z, "xl/_rels/workbook.xml.rels", wb_rels, sizeof(wb_rels) - 1) < 0 ||
	    add(z, "xl/styles.xml", styles, sizeof(styles) - 1) < 0 ||
	    add(z, "xl/worksheets/sheet1.xml", data, nsheet) < 0 ||
	    (nul && add(z, "xl/sharedStrings.xml", nul + 1, size - nsheet - 1) < 0)) {
		zip_discard(z);
		return -1;
	}
	if (zip_close(z) < 0) {
		zip_discard(z);
		return -1;
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[] = "/tmp/fuzz-xlsx-XXXXXX", err[512];
	struct xlsx_reader *r;
	struct xlsx_row row;
	FILE *f;
	int fd, rc, n = 0;

	if (size >= 2 && data[0] == 'P' && data[1] == 'K') {
		fd = mkstemp(path);
		if (fd < 0)
			return 0;
		f = fdopen(fd, "wb");
		if (!f) {
			close(fd);
			unlink(path);
			return 0;
		}
		fwrite(data, 1, size, f);
		fclose(f);
	} else if (pack(data, size, path) < 0) {
		unlink(path);
		return 0;
	}
	fd = open(path, O_RDONLY);
	unlink(path);
	if (fd < 0)
		return 0;
	r = xlsx_reader_open(fd, "fuzz.xlsx", NULL, err, sizeof(err));
	if (!r)
		return 0;
	while ((rc = xlsx_reader_next(r, &row)) > 0 && n++ < 100000) {
		/* every cell is as long as it says, and NUL-terminated */
		for (size_t i = 0; i < row.ncells; i++)
			if (strlen(row.cells[i]) != row.lens[i])
				abort();
	}
	if (rc < 0 && !xlsx_reader_error(r))
		abort();
	xlsx_reader_close(r);
	return 0;
}
