@echo off
rem srs-wizard console collector (report schema srs-wizard/console/1).
rem Reads this console's DNS settings, its own KMS lookups and its Office license state,
rem and writes them to a .json report next to this file. It changes nothing on the console.
rem Run it from an administrator command prompt to include the license state (ospp.vbs /dstatus).
setlocal
echo srs-wizard console collector: reading DNS settings and license state (nothing is changed).
echo The license part (ospp.vbs /dstatus) needs an administrator command prompt.
rem "%~dp0" ends with a backslash, which would swallow the closing quote: pass "%~dp0." instead.
cscript //nologo "%~dp0srs-collect.vbs" "%~dp0."
set SRS_RC=%ERRORLEVEL%
if /i not "%~1"=="/nopause" pause
exit /b %SRS_RC%
