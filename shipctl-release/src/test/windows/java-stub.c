/*
 * Test stand-in for java.exe (.ci/test-windows-launchers.sh). With -version it prints what a JDK prints, for the
 * version in its home's "release" file (..\release beside its bin folder); otherwise it prints the command line it
 * was started with and exits with %STUB_EXIT% (default 0).
 *
 * Written for shipctl (issue 13: package managers want a real .exe); no code from any other project. It is
 * shipctl's own launcher, not a server or a harness built from fetched sources.
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static void print_version(void) {
    wchar_t path[MAX_PATH];
    GetModuleFileNameW(NULL, path, MAX_PATH);
    for (int up = 0; up < 2; up++) *wcsrchr(path, L'\\') = 0;
    wcscat(path, L"\\release");
    char line[256] = "", version[64] = "?";
    FILE *f = _wfopen(path, L"rb");
    while (f && fgets(line, sizeof line, f)) {
        if (sscanf(line, "JAVA_VERSION=\"%63[^\"]\"", version) == 1) break;
    }
    if (f) fclose(f);
    fprintf(stderr, "openjdk version \"%s\" 2025-10-21\nOpenJDK Runtime Environment (build %s)\n", version, version);
}

int wmain(int argc, wchar_t **argv) {
    for (int i = 1; i < argc; i++) {
        if (wcscmp(argv[i], L"-version") == 0) {
            print_version();
            return 0;
        }
    }
    wchar_t code[16];
    fwprintf(stdout, L"java-stub: %ls\n", GetCommandLineW());
    fflush(stdout);
    return GetEnvironmentVariableW(L"STUB_EXIT", code, 16) ? _wtoi(code) : 0;
}
