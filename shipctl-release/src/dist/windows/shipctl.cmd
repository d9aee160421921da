@echo off
rem shipctl for Windows: runs shipctl.jar (beside this file) with a Java 25 or newer.
rem Looks at %SHIPCTL_JAVA% (a java.exe), %JAVA_HOME%, java.exe on the PATH, then the usual install folders
rem (Eclipse Adoptium, Microsoft, Oracle, Azul Zulu, Amazon Corretto, BellSoft Liberica). Extra JVM flags: %SHIPCTL_JAVA_OPTS%.
rem Start-up, as the Linux launchers: one-shot verbs run on the JIT's first tier, and a per-user startup archive (the
rem JDK's dynamic CDS archive, %LOCALAPPDATA%\shipctl\shipctl-VERSION.jsa) is made at the exit of the first run with a
rem verb and read by the next ones; SHIPCTL_AOT=0 runs without it. The release build writes the version into this file.
setlocal EnableExtensions DisableDelayedExpansion
set "SHIPCTL_JAR=%~dp0shipctl.jar"
if not exist "%SHIPCTL_JAR%" (
  echo shipctl: %SHIPCTL_JAR% is missing; extract the whole zip into one folder 1>&2
  exit /b 9
)
set "SHIPCTL_JAVA_EXE="
if defined SHIPCTL_JAVA call :try "%SHIPCTL_JAVA%"
if not defined SHIPCTL_JAVA_EXE if defined JAVA_HOME call :try "%JAVA_HOME%\bin\java.exe"
rem the first java.exe on the PATH, then any other one (where lists them all; it may be missing or a stub)
if not defined SHIPCTL_JAVA_EXE for %%J in (java.exe) do if not "%%~$PATH:J"=="" call :try "%%~$PATH:J"
if not defined SHIPCTL_JAVA_EXE for /f "delims=" %%J in ('where java.exe 2^>nul') do if not defined SHIPCTL_JAVA_EXE call :try "%%J"
if not defined SHIPCTL_JAVA_EXE for %%R in ("%ProgramFiles%" "%LOCALAPPDATA%\Programs") do (
  for %%V in ("Eclipse Adoptium" "Microsoft" "Java" "Zulu" "Amazon Corretto" "BellSoft") do (
    for /f "delims=" %%D in ('dir /b /ad "%%~R\%%~V" 2^>nul') do (
      if not defined SHIPCTL_JAVA_EXE call :try "%%~R\%%~V\%%D\bin\java.exe"
    )
  )
)
if not defined SHIPCTL_JAVA_EXE (
  echo shipctl: no Java 25 or newer found ^(looked at SHIPCTL_JAVA, JAVA_HOME, java.exe on the PATH and the usual install folders^). 1>&2
  echo shipctl: install one, for example: winget install EclipseAdoptium.Temurin.25.JRE ^(or set JAVA_HOME to it^) 1>&2
  exit /b 9
)
rem One-shot verbs run on the JIT's first tier only (C1): on a small machine the optimising compiler's threads cost a
rem one-shot verb tens of milliseconds of start-up. The first argument not starting with '-' decides; the verbs that
rem run for long keep both tiers, but swarm, which also compiles a method after a twentieth of the usual calls (see
rem docs\swarm.md). %SHIPCTL_JAVA_OPTS% comes after, so it can say otherwise (-XX:TieredStopAtLevel=4).
set "SHIPCTL_TIER=-XX:TieredStopAtLevel=1"
set "SHIPCTL_VERB="
call :tier %*
rem The startup archive: made at the exit of the first run with a verb (a run without one, --version, loads too little
rem to be worth keeping); only in a folder (the JVM exits with 1 when it cannot write the archive), by its short name
rem (the JVM reads its options in the ANSI code page).
set "SHIPCTL_CDS="
set "SHIPCTL_ATTR="
set "SHIPCTL_ARCHIVE="
if not "%SHIPCTL_AOT%"=="0" if defined LOCALAPPDATA (
  if not exist "%LOCALAPPDATA%\shipctl" mkdir "%LOCALAPPDATA%\shipctl" >nul 2>&1
  for %%F in ("%LOCALAPPDATA%\shipctl") do set "SHIPCTL_ATTR=%%~aF"
  for %%F in ("%LOCALAPPDATA%\shipctl") do set "SHIPCTL_FOLDER=%%~sF"
)
if "%SHIPCTL_ATTR:~0,1%"=="d" set "SHIPCTL_ARCHIVE=%SHIPCTL_FOLDER%\shipctl-@SHIPCTL_VERSION@.jsa"
if defined SHIPCTL_ARCHIVE if defined SHIPCTL_VERB set "SHIPCTL_CDS=-XX:+AutoCreateSharedArchive "
if defined SHIPCTL_ARCHIVE if not defined SHIPCTL_VERB if not exist "%SHIPCTL_ARCHIVE%" set "SHIPCTL_ARCHIVE="
if defined SHIPCTL_ARCHIVE set "SHIPCTL_CDS=%SHIPCTL_CDS%-XX:SharedArchiveFile="%SHIPCTL_ARCHIVE%" -Xlog:cds*=off -Xlog:aot*=off "
"%SHIPCTL_JAVA_EXE%" %SHIPCTL_TIER% %SHIPCTL_JAVA_OPTS% -XX:+UseSerialGC -Xshare:auto %SHIPCTL_CDS%--enable-native-access=ALL-UNNAMED -jar "%SHIPCTL_JAR%" %*
exit /b %ERRORLEVEL%

rem :tier ARGS -- the first argument not starting with '-' is the verb (SHIPCTL_VERB=1); a long-running one clears SHIPCTL_TIER
:tier
if "%~1"=="" exit /b 0
set "SHIPCTL_ARG=%~1"
if "%SHIPCTL_ARG:~0,1%"=="-" (
  shift
  goto tier
)
set "SHIPCTL_VERB=1"
for %%V in (sandbox demo listen watch bridge shell run bench) do if "%SHIPCTL_ARG%"=="%%V" set "SHIPCTL_TIER="
if "%SHIPCTL_ARG%"=="swarm" set "SHIPCTL_TIER=-XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.05"
exit /b 0

rem :try JAVA_EXE -- takes it when "JAVA_EXE -version" says 25 or newer ("1.8.0_392" is 8)
:try
if not exist "%~1" exit /b 0
set "SHIPCTL_V="
for /f "tokens=3" %%V in ('call "%~1" -version 2^>^&1 ^| findstr /i version') do if not defined SHIPCTL_V set "SHIPCTL_V=%%~V"
if not defined SHIPCTL_V exit /b 0
for /f "tokens=1,2 delims=.-+_" %%A in ("%SHIPCTL_V%") do (
  if "%%A"=="1" (set /a "SHIPCTL_MAJOR=%%B" 2>nul) else (set /a "SHIPCTL_MAJOR=%%A" 2>nul)
)
if defined SHIPCTL_MAJOR if %SHIPCTL_MAJOR% GEQ 25 set "SHIPCTL_JAVA_EXE=%~1"
set "SHIPCTL_MAJOR="
exit /b 0
