@echo off
rem srs-wizard console collector (report schema srs-wizard/console/1).
rem Reads this console's DNS settings, its own KMS lookups and its Office license state,
rem and writes them to a .json report next to this file. It changes nothing on the console.
rem Run it from an administrator command prompt to include the license state (ospp.vbs /dstatus).
rem
rem Unattended (a startup script, a Configuration Manager or Intune program, run as SYSTEM):
rem   srs-collect.cmd /quiet /out <folder or \\server\share\path>
rem prints nothing, never waits, creates the folder when it is missing (the report goes to
rem %TEMP% when the folder cannot be written), and exits 0 (report written), 1 (written, with
rem problems listed in it) or 2 (not written).
setlocal
set "SRS_QUIET="
set "SRS_PAUSE=1"
rem "%~dp0" ends with a backslash, which would swallow the closing quote: pass "%~dp0." instead.
set "SRS_OUT=%~dp0."
:args
if "%~1"=="" goto run
if /i "%~1"=="/quiet" (
    set "SRS_QUIET=1"
    set "SRS_PAUSE="
    shift
    goto args
)
if /i "%~1"=="/nopause" (
    set "SRS_PAUSE="
    shift
    goto args
)
if /i "%~1"=="/out" (
    if "%~2"=="" goto usage
    set "SRS_OUT=%~2"
    shift
    shift
    goto args
)
:usage
if defined SRS_QUIET exit /b 2
echo usage: srs-collect.cmd [/quiet] [/out folder]
if defined SRS_PAUSE pause
exit /b 2
:run
rem A folder ending with a backslash would swallow the closing quote too: end it with "\." instead.
:trim
if "%SRS_OUT:~-2%"=="\\" (
    set "SRS_OUT=%SRS_OUT:~0,-1%"
    goto trim
)
if "%SRS_OUT:~-1%"=="\" set "SRS_OUT=%SRS_OUT%."
if defined SRS_QUIET goto quiet
echo srs-wizard console collector: reading DNS settings and license state (nothing is changed).
echo The license part (ospp.vbs /dstatus) needs an administrator command prompt.
cscript //nologo "%~dp0srs-collect.vbs" "%SRS_OUT%"
set SRS_RC=%ERRORLEVEL%
if defined SRS_PAUSE pause
exit /b %SRS_RC%
:quiet
rem The script says 10 (written), 11 (written with problems) or 12 (not written); anything
rem else (cscript missing or stopped by an error) means nothing was written.
cscript //nologo "%~dp0srs-collect.vbs" "%SRS_OUT%" /quiet >nul 2>&1
set SRS_RC=%ERRORLEVEL%
if "%SRS_RC%"=="10" exit /b 0
if "%SRS_RC%"=="11" exit /b 1
exit /b 2
