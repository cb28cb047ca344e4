/*
 * fill.h - putting the book's values into a template's text.
 *
 * A line of a template (templates/NAME.yaml) is the form's own wording with
 * fill-ins where the book has the value:
 *
 *	{name}			the value of the field `name`
 *	{name|……… (1)}		the value, or, when the book has none (NULL
 *				or empty), the form's dotted fill-in as printed
 *	{name:upper|…}		the value in Vietnamese upper case
 *	{name:sp|…}		the value with a space before it (so that
 *				"VIỆT NAM{area:sp|……}" keeps the form's
 *				"VIỆT NAM……" when the value is missing)
 *	{name:comma|…}		the value and a comma after it; {name:dot|…}
 *				a full stop (the fill-in alone when missing)
 *	{#}			the 1-based number of the current row
 *	{{  }}			a literal brace
 *
 * A field is looked up through a callback, so that the same text can be
 * filled from a row of a table, from the dataset's scalars, or checked
 * against the fields a dataset declares before any book is read.
 */
#ifndef FILL_H
#define FILL_H

#include <stddef.h>
#include "sbuf.h"

/* The value of `name`, or NULL when the book has none. */
typedef const char *(*fill_lookup_fn)(void *arg, const char *name);

/*
 * Append `tpl` with its fill-ins replaced to *out.  Returns 0, or -1 with
 * a Vietnamese reason in err (unterminated '{', lone '}', bad field name,
 * unknown filter); *out is then unspecified.
 */
int fill_text(const char *tpl, fill_lookup_fn lookup, void *arg, struct sbuf *out,
	      char *err, size_t errlen);

/*
 * Check the syntax of `tpl` and call each_name(name, arg) for every field
 * it names ("#" included).  Returns 0 or -1 with a reason in err.
 */
int fill_check(const char *tpl, void (*each_name)(const char *name, void *arg), void *arg,
	       char *err, size_t errlen);

/* 1 if `tpl` holds at least one fill-in. */
int fill_has_fields(const char *tpl);

#endif
