/* version.h - hiepthuong's own version. */
#ifndef VERSION_H
#define VERSION_H
#define HIEPTHUONG_VERSION "0.1.0"
#endif
