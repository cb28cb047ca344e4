/*
 * banned.h - functions that must not be used in hiepthuong.
 *
 * Included last by every .c file, after the system headers, so that a call
 * to one of these becomes a compile error (the idea comes from git's
 * banned.h).  Use snprintf, sbuf (sbuf.h), strtol with an end-pointer check
 * and gmtime_r instead.
 */
#ifndef BANNED_H
#define BANNED_H

#define BANNED(func) sorry_##func##_is_a_banned_function

#undef strcpy
#define strcpy(x, y) BANNED(strcpy)
#undef strcat
#define strcat(x, y) BANNED(strcat)
#undef strncpy
#define strncpy(x, y, n) BANNED(strncpy)
#undef strncat
#define strncat(x, y, n) BANNED(strncat)
#undef strtok
#define strtok(x, y) BANNED(strtok)
#undef sprintf
#define sprintf(...) BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) BANNED(vsprintf)
#undef gmtime
#define gmtime(t) BANNED(gmtime)
#undef localtime
#define localtime(t) BANNED(localtime)
#undef ctime
#define ctime(t) BANNED(ctime)
#undef asctime
#define asctime(t) BANNED(asctime)
#undef atoi
#define atoi(x) BANNED(atoi)
#undef atol
#define atol(x) BANNED(atol)
/* English; say it in Vietnamese with sys_msg() (diag.h). */
#undef strerror
#define strerror(e) BANNED(strerror)

#endif
