/* pwd.h for Windows: the user's name from GetUserNameW (src/platform.c). */
#ifndef HT_WIN_PWD_H
#define HT_WIN_PWD_H
struct passwd {
	char *pw_name;
};
struct passwd *getpwuid(int uid);
#endif
