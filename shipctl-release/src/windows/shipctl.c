/*
 * shipctl.exe: the Windows launcher of the shipctl zip, for package managers that want a real executable (winget
 * refuses .cmd launchers). Does what shipctl.cmd does: finds a Java 25 or newer and runs shipctl.jar (beside this
 * file) with it, passing the command line through unchanged, and exits with its exit code.
 *
 * Java is looked for in: %SHIPCTL_JAVA% (a java.exe), %JAVA_HOME%, java.exe on the PATH, then the usual install
 * folders (Eclipse Adoptium, Microsoft, Oracle, Azul Zulu, Amazon Corretto, BellSoft Liberica, under Program Files
 * and %LOCALAPPDATA%\Programs). A Java home qualifies when its "release" file says JAVA_VERSION 25 or newer. When
 * none does: one line saying so, exit code 9 (shipctl's configuration error). Extra JVM flags: %SHIPCTL_JAVA_OPTS%.
 *
 * Start-up, as the Linux launchers: one-shot verbs run on the JIT's first tier (-XX:TieredStopAtLevel=1), and a
 * per-user startup archive (the JDK's dynamic CDS archive, %LOCALAPPDATA%\shipctl\shipctl-VERSION.jsa) is made at
 * the exit of the first run with a verb and read by the next ones; SHIPCTL_AOT=0 runs without it. shipctl.cmd does
 * the same.
 *
 * Cross-compiled with mingw-w64 (x86_64-w64-mingw32-gcc -municode -O2 -s -DSHIPCTL_VERSION=...); Unicode throughout.
 *
 * Written for shipctl (issue 13: package managers want a real .exe); no code from any other project. It is
 * shipctl's own launcher, not a server or a harness built from fetched sources.
 */
#define WIN32_LEAN_AND_MEAN
#ifndef UNICODE
#define UNICODE
#endif
#ifndef _UNICODE
#define _UNICODE
#endif
#include <windows.h>
#include <shellapi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#ifndef SHIPCTL_VERSION
#define SHIPCTL_VERSION "dev"
#endif
#define REQUIRED 25
#define EXIT_CONFIG 9
#define BIG 32768

/* The feature release in a JDK's "release" file (JAVA_VERSION="25.0.1" is 25, "1.8.0_392" is 8); 0 if none. */
static int release_of(const wchar_t *home) {
    wchar_t path[BIG];
    if (_snwprintf(path, BIG, L"%ls\\release", home) >= BIG) return 0;
    FILE *f = _wfopen(path, L"rb");
    if (!f) return 0;
    char line[512];
    int feature = 0;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "JAVA_VERSION=\"", 14) != 0) continue;
        const char *v = line + 14;
        if (strncmp(v, "1.", 2) == 0) v += 2;
        feature = atoi(v);
        break;
    }
    fclose(f);
    return feature;
}

static int is_file(const wchar_t *path) {
    DWORD a = GetFileAttributesW(path);
    return a != INVALID_FILE_ATTRIBUTES && !(a & FILE_ATTRIBUTE_DIRECTORY);
}

/* java_exe = home\bin\java.exe when that home is a Java 25+ (its release file says so). */
static int try_home(const wchar_t *home, wchar_t *java_exe) {
    if (!home || !*home) return 0;
    wchar_t exe[BIG];
    if (_snwprintf(exe, BIG, L"%ls\\bin\\java.exe", home) >= BIG || !is_file(exe)) return 0;
    if (release_of(home) < REQUIRED) return 0;
    wcscpy(java_exe, exe);
    return 1;
}

/* A java.exe path given directly: its home is two folders up (HOME\bin\java.exe). */
static int try_exe(const wchar_t *exe, wchar_t *java_exe) {
    wchar_t home[BIG];
    if (!exe || wcslen(exe) >= BIG) return 0;
    wcscpy(home, exe);
    for (int up = 0; up < 2; up++) {
        wchar_t *slash = wcsrchr(home, L'\\');
        if (!slash) return 0;
        *slash = 0;
    }
    return try_home(home, java_exe);
}

/* Each folder ROOT\VENDOR\* in turn: the first Java 25+ found wins. */
static int try_vendor_folders(const wchar_t *root, wchar_t *java_exe) {
    static const wchar_t *vendors[] = {L"Eclipse Adoptium", L"Microsoft", L"Java", L"Zulu", L"Amazon Corretto", L"BellSoft"};
    if (!root || !*root) return 0;
    for (size_t v = 0; v < sizeof vendors / sizeof *vendors; v++) {
        wchar_t pattern[BIG];
        if (_snwprintf(pattern, BIG, L"%ls\\%ls\\*", root, vendors[v]) >= BIG) continue;
        WIN32_FIND_DATAW found;
        HANDLE h = FindFirstFileW(pattern, &found);
        if (h == INVALID_HANDLE_VALUE) continue;
        int ok = 0;
        do {
            if (!(found.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) || found.cFileName[0] == L'.') continue;
            wchar_t home[BIG];
            if (_snwprintf(home, BIG, L"%ls\\%ls\\%ls", root, vendors[v], found.cFileName) >= BIG) continue;
            ok = try_home(home, java_exe);
        } while (!ok && FindNextFileW(h, &found));
        FindClose(h);
        if (ok) return 1;
    }
    return 0;
}

static const wchar_t *env(const wchar_t *name, wchar_t *buf) {
    DWORD n = GetEnvironmentVariableW(name, buf, BIG);
    return n > 0 && n < BIG ? buf : NULL;
}

static int find_java(wchar_t *java_exe) {
    wchar_t buf[BIG], onpath[BIG];
    if (try_exe(env(L"SHIPCTL_JAVA", buf), java_exe)) return 1;
    if (try_home(env(L"JAVA_HOME", buf), java_exe)) return 1;
    if (env(L"PATH", onpath)) { /* every java.exe on the PATH in turn, not only the first (an old one may come first) */
        for (wchar_t *dir = onpath, *end; dir; dir = end ? end + 1 : NULL) {
            end = wcschr(dir, L';');
            if (end) *end = 0;
            wchar_t exe[BIG];
            size_t len = wcslen(dir);
            if (len > 0 && dir[len - 1] == L'\\') dir[len - 1] = 0;
            if (*dir && _snwprintf(exe, BIG, L"%ls\\java.exe", dir) < BIG && is_file(exe) && try_exe(exe, java_exe)) return 1;
        }
    }
    if (try_vendor_folders(env(L"ProgramFiles", buf), java_exe)) return 1;
    const wchar_t *local = env(L"LOCALAPPDATA", buf);
    if (local) {
        wchar_t programs[BIG];
        if (_snwprintf(programs, BIG, L"%ls\\Programs", local) < BIG && try_vendor_folders(programs, java_exe)) return 1;
    }
    return 0;
}

/* The command line after the program's own name, exactly as given (Windows rules for the first token). */
static const wchar_t *arguments(void) {
    const wchar_t *p = GetCommandLineW();
    if (*p == L'"') {
        p++;
        while (*p && *p != L'"') p++;
        if (*p) p++;
    } else {
        while (*p && *p != L' ' && *p != L'\t') p++;
    }
    while (*p == L' ' || *p == L'\t') p++;
    return p;
}

enum verb { NO_VERB, ONE_SHOT, LONG_RUNNING, SWARM };

/* As the Linux launchers: the first argument that does not start with '-' is the verb. The verbs that run for long
 * keep both JIT tiers, but swarm (as there: the first tier, and code compiled after a twentieth of the usual calls);
 * any other, or none (--version, --help), runs on the first tier. */
static enum verb verb_kind(void) {
    static const wchar_t *long_running[] = {L"sandbox", L"demo", L"listen", L"watch", L"bridge", L"shell", L"run", L"bench"};
    int argc;
    enum verb kind = NO_VERB;
    wchar_t **argv = CommandLineToArgvW(GetCommandLineW(), &argc);
    for (int i = 1; argv && i < argc; i++) {
        if (argv[i][0] == L'-') continue;
        kind = wcscmp(argv[i], L"swarm") == 0 ? SWARM : ONE_SHOT;
        for (size_t v = 0; v < sizeof long_running / sizeof *long_running; v++) {
            if (wcscmp(argv[i], long_running[v]) == 0) kind = LONG_RUNNING;
        }
        break;
    }
    LocalFree(argv);
    return kind;
}

/* The JIT flags of a verb of this kind. */
static const wchar_t *tier_flags(enum verb kind) {
    switch (kind) {
    case LONG_RUNNING: return L"";
    case SWARM: return L"-XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.05";
    default: return L"-XX:TieredStopAtLevel=1";
    }
}

static FILETIME modified(const wchar_t *path) {
    WIN32_FILE_ATTRIBUTE_DATA data;
    FILETIME none = {0, 0};
    return GetFileAttributesExW(path, GetFileExInfoStandard, &data) ? data.ftLastWriteTime : none;
}

/* Whether the file starts as a finished dynamic CDS archive does (the JVM writes its header last): an archive cut short
 * would make the JVM warn on every run and never write a new one. */
static int archive_header(const wchar_t *path) {
    static const unsigned char magic[] = {0xa8, 0xab, 0x0b, 0xf0}; /* 0xf00baba8, little-endian */
    unsigned char start[sizeof magic] = {0};
    FILE *f = _wfopen(path, L"rb");
    if (!f) return 0;
    size_t n = fread(start, 1, sizeof start, f);
    fclose(f);
    return n == sizeof start && memcmp(start, magic, sizeof magic) == 0;
}

/* The JVM flags of the per-user startup archive, %LOCALAPPDATA%\shipctl\shipctl-VERSION.jsa: made at the exit of the
 * first run with a verb (a run without one, --version, loads too little to be worth keeping), read by the next ones.
 * Empty when SHIPCTL_AOT=0 or the folder cannot be made. The JVM exits with 1 when it cannot write the archive, so it
 * is only offered in a folder that exists, under a path in plain ASCII (the JVM reads its options in the ANSI code
 * page). A jar newer than the archive (replaced by hand), or an archive cut short, gets a new archive: the JVM would
 * only ignore the old one. */
static void archive_flags(const wchar_t *jar, enum verb kind, wchar_t *flags) {
    wchar_t buf[BIG], folder[BIG], archive[BIG];
    const wchar_t *aot = env(L"SHIPCTL_AOT", buf);
    flags[0] = 0;
    if (aot && wcscmp(aot, L"0") == 0) return;
    const wchar_t *local = env(L"LOCALAPPDATA", buf);
    if (!local || _snwprintf(folder, BIG, L"%ls\\shipctl", local) >= BIG) return;
    CreateDirectoryW(folder, NULL);
    DWORD attributes = GetFileAttributesW(folder);
    if (attributes == INVALID_FILE_ATTRIBUTES || !(attributes & FILE_ATTRIBUTE_DIRECTORY)) return;
    DWORD n = GetShortPathNameW(folder, buf, BIG); /* 8.3 names are ASCII, where the volume keeps them */
    if (n == 0 || n >= BIG) return;
    for (const wchar_t *c = buf; *c; c++) {
        if (*c > 126) return;
    }
    if (_snwprintf(archive, BIG, L"%ls\\shipctl-" SHIPCTL_VERSION ".jsa", buf) >= BIG) return;
    FILETIME made = modified(archive), jar_time = modified(jar);
    if (is_file(archive) && (CompareFileTime(&jar_time, &made) > 0 || !archive_header(archive))) {
        SetFileAttributesW(archive, FILE_ATTRIBUTE_NORMAL); /* the JVM makes it read-only */
        DeleteFileW(archive);
    }
    if (kind == NO_VERB && !is_file(archive)) return;
    _snwprintf(flags, BIG, L"%ls-XX:SharedArchiveFile=\"%ls\" -Xlog:cds*=off -Xlog:aot*=off ",
               kind == NO_VERB ? L"" : L"-XX:+AutoCreateSharedArchive ", archive);
}

int wmain(void) {
    wchar_t self[BIG], jar[BIG], java_exe[BIG], opts[BIG], archive[BIG];
    DWORD n = GetModuleFileNameW(NULL, self, BIG);
    if (n == 0 || n >= BIG) return EXIT_CONFIG;
    wchar_t *slash = wcsrchr(self, L'\\');
    if (slash) *slash = 0;
    if (_snwprintf(jar, BIG, L"%ls\\shipctl.jar", self) >= BIG || !is_file(jar)) {
        fwprintf(stderr, L"shipctl: %ls\\shipctl.jar is missing; extract the whole zip into one folder\n", self);
        return EXIT_CONFIG;
    }
    if (!find_java(java_exe)) {
        fwprintf(stderr, L"shipctl: no Java %d or newer found (looked at SHIPCTL_JAVA, JAVA_HOME, java.exe on the PATH"
                 L" and the usual install folders); install one, for example: winget install EclipseAdoptium.Temurin.25.JRE"
                 L" (or set JAVA_HOME to it)\n", REQUIRED);
        return EXIT_CONFIG;
    }
    const wchar_t *extra = env(L"SHIPCTL_JAVA_OPTS", opts);
    enum verb kind = verb_kind();
    archive_flags(jar, kind, archive);
    /* %SHIPCTL_JAVA_OPTS% after the tier flag, so that it can say otherwise (-XX:TieredStopAtLevel=4) */
    static wchar_t command[BIG];
    if (_snwprintf(command, BIG, L"\"%ls\" %ls %ls -XX:+UseSerialGC -Xshare:auto %ls--enable-native-access=ALL-UNNAMED -jar \"%ls\" %ls",
                   java_exe, tier_flags(kind), extra ? extra : L"", archive, jar,
                   arguments()) >= BIG) {
        fwprintf(stderr, L"shipctl: the command line is too long\n");
        return EXIT_CONFIG;
    }
    STARTUPINFOW si = {0};
    PROCESS_INFORMATION pi = {0};
    si.cb = sizeof si;
    SetConsoleCtrlHandler(NULL, TRUE); /* Ctrl-C reaches Java too: let it stop, and report its exit code */
    if (!CreateProcessW(java_exe, command, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi)) {
        fwprintf(stderr, L"shipctl: cannot start %ls (error %lu)\n", java_exe, GetLastError());
        return EXIT_CONFIG;
    }
    WaitForSingleObject(pi.hProcess, INFINITE);
    DWORD code = EXIT_CONFIG;
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    return (int) code;
}
