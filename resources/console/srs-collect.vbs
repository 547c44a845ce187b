' srs-wizard console collector: started by srs-collect.cmd, which passes the folder to write to.
'
' Reads (never changes) this console's DNS settings from the registry (group policy and local)
' and WMI, asks its own DNS servers for the KMS SRV record in each suffix it searches
' (nslookup, absolute names), runs Office's ospp.vbs /dstatus (and /dhistorykms for a KMS
' client) with a bound that ends cscript itself, reads the KMS host set by hand from the
' registry, and writes everything to srs-console-<COMPUTERNAME>-<yyyymmdd-hhmmss>.json
' (UTF-16 with a byte order mark). The only product key text is what ospp.vbs itself prints
' (the last five characters).
'
' Written for Windows 7's cscript, and kept to what Wine's VBScript also offers, so the test
' suite runs it: no AscW/ChrW, no Exec.StdOut or ExitCode, WScript.Sleep optional, environment
' values through the PROCESS collection (ExpandEnvironmentStrings can return a trailing NUL),
' every RegRead wrapped (a missing value raises).
Option Explicit

Const SCHEMA = "srs-wizard/console/1"
Const COLLECTOR_VERSION = "1"
Const NSLOOKUP_SECONDS = 15
Const DSTATUS_SECONDS = 90
Const TCPIP = "HKLM\SYSTEM\CurrentControlSet\Services\Tcpip\Parameters"
Const POLICY = "HKLM\SOFTWARE\Policies\Microsoft\Windows NT\DNSClient"
Const POLICY_SYSTEM = "HKLM\SOFTWARE\Policies\Microsoft\System\DNSClient"
Const DNSCACHE = "HKLM\SYSTEM\CurrentControlSet\Services\Dnscache\Parameters"
Const OSPP_KEY = "HKLM\SOFTWARE\Microsoft\OfficeSoftwareProtectionPlatform"
Const OSPP_KEY_WOW = "HKLM\SOFTWARE\Wow6432Node\Microsoft\OfficeSoftwareProtectionPlatform"
Const DEFAULT_DEVOLUTION_LEVEL = 2

Dim sh, fso, env, problems, canSleep, runTimedOut, runElapsedMs, runError, leftovers
Set sh = CreateObject("WScript.Shell")
Set fso = CreateObject("Scripting.FileSystemObject")
Set env = sh.Environment("PROCESS")
problems = ""
canSleep = True
Set leftovers = CreateObject("Scripting.Dictionary")

' ------------------------------------------------------------------ small helpers

Function EnvVar(name)
    Dim v, i
    v = ""
    On Error Resume Next
    v = CStr(env.Item(name))
    If Err.Number <> 0 Then v = "": Err.Clear
    On Error GoTo 0
    i = InStr(v, Chr(0))
    If i > 0 Then v = Left(v, i - 1)
    EnvVar = v
End Function

Function J(s)
    ' A JSON string (or null). Escapes by replacement only: no AscW needed.
    Dim r, i
    If IsNull(s) Or IsEmpty(s) Then
        J = "null"
        Exit Function
    End If
    r = CStr(s)
    r = Replace(r, "\", "\\")
    r = Replace(r, """", "\""")
    For i = 0 To 31
        r = Replace(r, Chr(i), "\u00" & Right("0" & Hex(i), 2))
    Next
    J = """" & r & """"
End Function

Function JBool(b)
    If IsNull(b) Or IsEmpty(b) Then
        JBool = "null"
    ElseIf b Then
        JBool = "true"
    Else
        JBool = "false"
    End If
End Function

Function JNum(n)
    If IsNull(n) Or IsEmpty(n) Then
        JNum = "null"
    Else
        JNum = CStr(CLng(n))
    End If
End Function

Function NewList()
    Set NewList = CreateObject("Scripting.Dictionary")
End Function

Sub Push(list, value)
    list.Add list.Count, value
End Sub

Function JList(list)
    Dim out, k
    out = ""
    For Each k In list.Keys
        If out <> "" Then out = out & ", "
        out = out & J(list.Item(k))
    Next
    JList = "[" & out & "]"
End Function

Function JRaw(list)
    ' Already-built JSON values, as a JSON list.
    Dim out, k
    out = ""
    For Each k In list.Keys
        If out <> "" Then out = out & "," & vbCrLf & "    "
        out = out & list.Item(k)
    Next
    JRaw = "[" & out & "]"
End Function

Sub AddProblem(code, detail)
    If problems <> "" Then problems = problems & "," & vbCrLf & "    "
    problems = problems & "{""code"": " & J(code) & ", ""detail"": " & J(detail) & "}"
End Sub

Function RegValue(path)
    ' The value, or Null when it is missing or unreadable (RegRead raises then).
    Dim v
    On Error Resume Next
    v = sh.RegRead(path)
    If Err.Number <> 0 Then
        Err.Clear
        RegValue = Null
        Exit Function
    End If
    On Error GoTo 0
    RegValue = v
End Function

Function RegText(path)
    Dim v
    v = RegValue(path)
    If IsNull(v) Then
        RegText = Null
    ElseIf IsArray(v) Then
        RegText = Join(v, ",")
    Else
        RegText = CStr(v)
    End If
End Function

Function Elapsed(t0)
    Dim d
    d = Timer - t0
    If d < 0 Then d = d + 86400
    Elapsed = d
End Function

Sub Pause(ms)
    Dim t0
    If canSleep Then
        On Error Resume Next
        WScript.Sleep ms
        If Err.Number <> 0 Then canSleep = False: Err.Clear
        On Error GoTo 0
    End If
    If Not canSleep Then
        t0 = Timer
        Do While Elapsed(t0) < ms / 1000
        Loop
    End If
End Sub

Function Pad2(n)
    Pad2 = Right("0" & CStr(n), 2)
End Function

Function TempDir()
    TempDir = EnvVar("TEMP")
    If TempDir = "" Then TempDir = EnvVar("TMP")
    If TempDir = "" Then TempDir = fso.GetParentFolderName(WScript.ScriptFullName)
End Function

Function ReadText(path, seconds)
    ' The text of a file another process has just closed (retried while it is still locked).
    Dim f, t0, text
    ReadText = ""
    If Not fso.FileExists(path) Then Exit Function
    t0 = Timer
    On Error Resume Next
    Do
        Err.Clear
        Set f = fso.OpenTextFile(path, 1, False, 0)
        If Err.Number = 0 Then Exit Do
        If Elapsed(t0) > seconds Then Exit Function
        Pause 50
    Loop
    text = ""
    If Not f.AtEndOfStream Then text = f.ReadAll
    f.Close
    Err.Clear
    On Error GoTo 0
    ReadText = text
End Function

Function RunCaptured(commandLine, seconds)
    ' Runs commandLine through cmd with its output in a temporary file, for at most
    ' `seconds`; returns the output (Null when it could not start).
    Dim tmp, ex, t0, text
    runTimedOut = False
    runError = ""
    tmp = TempDir() & "\srs-collect-" & fso.GetTempName()
    t0 = Timer
    On Error Resume Next
    Set ex = sh.Exec("cmd /c """ & commandLine & " > """ & tmp & """ 2>&1""")
    If Err.Number <> 0 Then
        runError = Err.Description
        Err.Clear
        RunCaptured = Null
        Exit Function
    End If
    Do While ex.Status = 0
        If Elapsed(t0) > seconds Then
            runTimedOut = True
            ex.Terminate
            Exit Do
        End If
        Pause 100
    Loop
    Err.Clear
    On Error GoTo 0
    runElapsedMs = Round(Elapsed(t0) * 1000)
    If runTimedOut Then
        text = ReadText(tmp, 1)  ' a program still holding the file is not waited for long
    Else
        text = ReadText(tmp, 5)
    End If
    On Error Resume Next
    fso.DeleteFile tmp, True
    If Err.Number <> 0 Then Push leftovers, tmp  ' still held by an abandoned program: tried again at the end
    Err.Clear
    On Error GoTo 0
    RunCaptured = text
End Function

Function SplitList(text, separators)
    ' Non-empty, trimmed parts of text split at any of the separator characters.
    Dim list, s, i, part
    Set list = NewList()
    If IsNull(text) Then
        Set SplitList = list
        Exit Function
    End If
    s = CStr(text)
    For i = 1 To Len(separators)
        s = Replace(s, Mid(separators, i, 1), Chr(1))
    Next
    For Each part In Split(s, Chr(1))
        part = Trim(part)
        If part <> "" Then Push list, part
    Next
    Set SplitList = list
End Function

Function IsDnsText(name)
    ' Only letters, digits, dot, hyphen and underscore reach a command line.
    Dim i, c
    IsDnsText = (Len(name) > 0 And Len(name) <= 253)
    For i = 1 To Len(name)
        c = Mid(name, i, 1)
        If Not ((c >= "a" And c <= "z") Or (c >= "A" And c <= "Z") Or (c >= "0" And c <= "9") _
                Or c = "." Or c = "-" Or c = "_") Then
            IsDnsText = False
            Exit Function
        End If
    Next
End Function

Function SafeFileName(name)
    Dim r, bad, i
    r = name
    bad = "\/:*?""<>|"
    For i = 1 To Len(bad)
        r = Replace(r, Mid(bad, i, 1), "_")
    Next
    For i = 0 To 31
        r = Replace(r, Chr(i), "_")
    Next
    If r = "" Then r = "UNKNOWN"
    SafeFileName = r
End Function

' ------------------------------------------------------------------ the machine

Dim folder, computerName, wmi, haveWmi, o
Dim osCaption, osVersion, localStamp, tzMinutes, wmiName, csDomain, partOfDomain
' Arguments: the folder to write to, then (optional) the seconds each nslookup may take;
' /quiet anywhere is the unattended run (srs-collect.cmd /quiet), whose exit code tells the outcome.
Dim quiet, positional, argIndex, argument
quiet = False
Set positional = NewList()
For argIndex = 0 To WScript.Arguments.Count - 1
    argument = WScript.Arguments(argIndex)
    If LCase(argument) = "/quiet" Then
        quiet = True
    Else
        Push positional, argument
    End If
Next
folder = ""
If positional.Count > 0 Then folder = positional.Item(0)
If folder = "" Then folder = fso.GetParentFolderName(WScript.ScriptFullName)
folder = FullPath(folder)
' A second argument shortens the time each nslookup may take (seconds).
Dim nslookupSeconds
nslookupSeconds = NSLOOKUP_SECONDS
If positional.Count > 1 Then
    If IsNumeric(positional.Item(1)) Then nslookupSeconds = CLng(positional.Item(1))
End If

computerName = EnvVar("COMPUTERNAME")
If computerName = "" Then AddProblem "computer_name_missing", "COMPUTERNAME is not set"

osCaption = Null: osVersion = Null: localStamp = "": tzMinutes = Null
wmiName = Null: csDomain = Null: partOfDomain = Null
haveWmi = False
On Error Resume Next
Set wmi = GetObject("winmgmts:{impersonationLevel=impersonate}!\\.\root\cimv2")
If Err.Number = 0 Then
    haveWmi = True
Else
    AddProblem "wmi_unavailable", Err.Description
    Err.Clear
End If
If haveWmi Then
    For Each o In wmi.ExecQuery("SELECT * FROM Win32_OperatingSystem")
        osCaption = Trim(CStr(o.Caption)): If Err.Number <> 0 Then osCaption = Null: Err.Clear
        osVersion = CStr(o.Version): If Err.Number <> 0 Then osVersion = Null: Err.Clear
        localStamp = Left(CStr(o.LocalDateTime), 14): If Err.Number <> 0 Then localStamp = "": Err.Clear
        tzMinutes = CLng(o.CurrentTimeZone): If Err.Number <> 0 Then tzMinutes = Null: Err.Clear
    Next
    If Err.Number <> 0 Then AddProblem "wmi_os_unreadable", Err.Description: Err.Clear
    For Each o In wmi.ExecQuery("SELECT * FROM Win32_ComputerSystem")
        wmiName = CStr(o.Name): If Err.Number <> 0 Then wmiName = Null: Err.Clear
        csDomain = CStr(o.Domain): If Err.Number <> 0 Then csDomain = Null: Err.Clear
        partOfDomain = CBool(o.PartOfDomain): If Err.Number <> 0 Then partOfDomain = Null: Err.Clear
    Next
    If Err.Number <> 0 Then AddProblem "wmi_computer_unreadable", Err.Description: Err.Clear
End If
On Error GoTo 0
If IsNull(partOfDomain) Then AddProblem "domain_membership_unknown", "Win32_ComputerSystem.PartOfDomain could not be read"

' Local time with its UTC offset, from WMI; the script's own clock when WMI cannot say.
Dim collectedAt, fileStamp, n, offsetText
If Len(localStamp) = 14 And IsNumeric(localStamp) Then
    collectedAt = Mid(localStamp, 1, 4) & "-" & Mid(localStamp, 5, 2) & "-" & Mid(localStamp, 7, 2) & "T" & _
                  Mid(localStamp, 9, 2) & ":" & Mid(localStamp, 11, 2) & ":" & Mid(localStamp, 13, 2)
    fileStamp = Mid(localStamp, 1, 8) & "-" & Mid(localStamp, 9, 6)
Else
    n = Now
    collectedAt = Year(n) & "-" & Pad2(Month(n)) & "-" & Pad2(Day(n)) & "T" & Pad2(Hour(n)) & ":" & _
                  Pad2(Minute(n)) & ":" & Pad2(Second(n))
    fileStamp = Year(n) & Pad2(Month(n)) & Pad2(Day(n)) & "-" & Pad2(Hour(n)) & Pad2(Minute(n)) & Pad2(Second(n))
End If
If IsNull(tzMinutes) Then
    AddProblem "utc_offset_unknown", "Win32_OperatingSystem.CurrentTimeZone could not be read"
Else
    If tzMinutes < 0 Then offsetText = "-" Else offsetText = "+"
    offsetText = offsetText & Pad2(Abs(tzMinutes) \ 60) & ":" & Pad2(Abs(tzMinutes) Mod 60)
    collectedAt = collectedAt & offsetText
End If

' Elevated? Only an administrator can read the LocalService profile's hive.
Dim elevated
elevated = Null
On Error Resume Next
n = sh.Run("cmd /c reg query ""HKU\S-1-5-19"" >nul 2>&1", 0, True)
If Err.Number = 0 Then elevated = (n = 0)
Err.Clear
On Error GoTo 0
If IsNull(elevated) Then
    AddProblem "elevation_unknown", "could not tell whether this prompt is elevated"
ElseIf Not elevated Then
    AddProblem "not_elevated", "not run as administrator: ospp.vbs /dstatus may be refused"
End If

' ------------------------------------------------------------------ DNS view

Dim primary, nvDomain, policyList, localList, devolutionValue, devolution
primary = RegText(TCPIP & "\Domain")
nvDomain = RegText(TCPIP & "\NV Domain")
policyList = RegText(POLICY & "\SearchList")
localList = RegText(TCPIP & "\SearchList")
devolutionValue = RegValue(TCPIP & "\UseDomainNameDevolution")
devolution = True
If Not IsNull(devolutionValue) Then
    If IsNumeric(devolutionValue) Then
        devolution = (CLng(devolutionValue) <> 0)
        devolutionValue = CLng(devolutionValue)
    Else
        devolutionValue = Null
    End If
End If

' ------------------------------------------------------------------ group policy view
' Group policy overrides the local values: the primary suffix (NV PrimaryDnsSuffix, written by
' DnsClient.admx under System\DNSClient; also read under Windows NT\DNSClient), one
' connection-specific suffix and one DNS server list for every adapter, devolution on/off and
' its level. Only read; nothing is changed.
Dim policyPrimary, policyPrimaryKey, policyAdapterDomain, policyNameServer
Dim policyDevolutionValue, policyLevelValue, localLevelValue, localLevelKey
policyPrimaryKey = POLICY_SYSTEM
policyPrimary = RegText(POLICY_SYSTEM & "\NV PrimaryDnsSuffix")
If Len(Trim(policyPrimary & "")) = 0 Then
    If Len(Trim(RegText(POLICY & "\NV PrimaryDnsSuffix") & "")) > 0 Then
        policyPrimary = RegText(POLICY & "\NV PrimaryDnsSuffix")
        policyPrimaryKey = POLICY
    End If
End If
If IsNull(policyPrimary) Then policyPrimaryKey = Null
policyAdapterDomain = RegText(POLICY & "\AdapterDomainName")
policyNameServer = RegText(POLICY & "\NameServer")
policyDevolutionValue = RegNumber(POLICY & "\UseDomainNameDevolution")
policyLevelValue = RegNumber(POLICY & "\DomainNameDevolutionLevel")
localLevelKey = TCPIP
localLevelValue = RegNumber(TCPIP & "\DomainNameDevolutionLevel")
If IsNull(localLevelValue) Then
    localLevelValue = RegNumber(DNSCACHE & "\DomainNameDevolutionLevel")
    localLevelKey = DNSCACHE
End If
If IsNull(localLevelValue) Then localLevelKey = Null

Function RegNumber(path)
    ' A DWORD (or a number written as text), or Null.
    Dim v
    v = RegValue(path)
    RegNumber = Null
    If IsNull(v) Or IsArray(v) Then Exit Function
    If IsNumeric(v) Then RegNumber = CLng(v)
End Function

' Adapters: every subkey of Interfaces, in the binding order where Windows records it.
Dim listing, line, guids, ordered, bindValue, b, g, seenGuid, k
Set guids = NewList()
listing = RunCaptured("reg query """ & TCPIP & "\Interfaces""", 20)
If IsNull(listing) Then
    AddProblem "adapters_unreadable", "reg query could not run: " & runError
Else
    For Each line In Split(Replace(listing, vbCr, ""), vbLf)
        line = Trim(line)
        If UCase(Left(line, 5)) = "HKEY_" And InStr(line, "\Interfaces\") > 0 Then
            Push guids, Mid(line, InStrRev(line, "\") + 1)
        End If
    Next
End If
Set ordered = NewList()
Set seenGuid = CreateObject("Scripting.Dictionary")
bindValue = RegValue("HKLM\SYSTEM\CurrentControlSet\Services\Tcpip\Linkage\Bind")
If IsArray(bindValue) Then
    For Each b In bindValue
        g = Mid(b, InStrRev(b, "\") + 1)
        For Each k In guids.Keys
            If LCase(guids.Item(k)) = LCase(g) And Not seenGuid.Exists(LCase(g)) Then
                seenGuid.Add LCase(g), True
                Push ordered, guids.Item(k)
            End If
        Next
    Next
End If
For Each k In guids.Keys
    If Not seenGuid.Exists(LCase(guids.Item(k))) Then
        seenGuid.Add LCase(guids.Item(k)), True
        Push ordered, guids.Item(k)
    End If
Next

' WMI's view of the adapters with IP enabled (descriptions; DNS fields as WMI sees them).
Dim wmiAdapters, wmiDescriptions, wmiServers, item, arr, x, desc, setting, dnsDomain, servers, suffixOrder
Set wmiAdapters = NewList()
Set wmiDescriptions = CreateObject("Scripting.Dictionary")
Set wmiServers = NewList()
If haveWmi Then
    On Error Resume Next
    For Each o In wmi.ExecQuery("SELECT * FROM Win32_NetworkAdapterConfiguration WHERE IPEnabled = True")
        desc = Null: setting = Null: dnsDomain = Null
        desc = CStr(o.Description): If Err.Number <> 0 Then desc = Null: Err.Clear
        setting = CStr(o.SettingID): If Err.Number <> 0 Then setting = Null: Err.Clear
        dnsDomain = o.DNSDomain: If Err.Number <> 0 Then dnsDomain = Null: Err.Clear
        If Not IsNull(dnsDomain) Then dnsDomain = CStr(dnsDomain)
        Set servers = NewList()
        arr = o.DNSServerSearchOrder: If Err.Number <> 0 Then arr = Null: Err.Clear
        If IsArray(arr) Then
            For Each x In arr
                If Trim(CStr(x)) <> "" Then
                    Push servers, Trim(CStr(x))
                    Push wmiServers, Trim(CStr(x))
                End If
            Next
        End If
        Set suffixOrder = NewList()
        arr = o.DNSDomainSuffixSearchOrder: If Err.Number <> 0 Then arr = Null: Err.Clear
        If IsArray(arr) Then
            For Each x In arr
                If Trim(CStr(x)) <> "" Then Push suffixOrder, Trim(CStr(x))
            Next
        End If
        If Not IsNull(setting) And Not IsNull(desc) Then
            If Not wmiDescriptions.Exists(LCase(setting)) Then wmiDescriptions.Add LCase(setting), desc
        End If
        Push wmiAdapters, "{""guid"": " & J(setting) & ", ""description"": " & J(desc) & _
            ", ""dns_domain"": " & J(dnsDomain) & ", ""dns_servers"": " & JList(servers) & _
            ", ""suffix_search_order"": " & JList(suffixOrder) & "}"
    Next
    If Err.Number <> 0 Then AddProblem "wmi_adapters_unreadable", Err.Description: Err.Clear
    On Error GoTo 0
End If

Dim adapters, base, aDomain, aDhcpDomain, aNameServer, aDhcpNameServer, aDesc, suffixes, seen, dnsServers
Dim adapterSuffixes, part, effectiveSource, chosen, labels, i
Set adapters = NewList()
Set adapterSuffixes = NewList()
Set dnsServers = NewList()
Set seen = CreateObject("Scripting.Dictionary")
For Each k In ordered.Keys
    g = ordered.Item(k)
    base = TCPIP & "\Interfaces\" & g & "\"
    aDomain = RegText(base & "Domain")
    aDhcpDomain = RegText(base & "DhcpDomain")
    aNameServer = RegText(base & "NameServer")
    aDhcpNameServer = RegText(base & "DhcpNameServer")
    aDesc = Null
    If wmiDescriptions.Exists(LCase(g)) Then aDesc = wmiDescriptions.Item(LCase(g))
    Push adapters, "{""guid"": " & J(g) & ", ""description"": " & J(aDesc) & ", ""domain"": " & J(aDomain) & _
        ", ""dhcp_domain"": " & J(aDhcpDomain) & ", ""name_server"": " & J(aNameServer) & _
        ", ""dhcp_name_server"": " & J(aDhcpNameServer) & "}"
    If Len(aDomain & "") > 0 Then
        Push adapterSuffixes, aDomain
    ElseIf Len(aDhcpDomain & "") > 0 Then
        Push adapterSuffixes, aDhcpDomain
    End If
    If Len(Trim(aNameServer & "")) > 0 Then
        chosen = aNameServer
    Else
        chosen = aDhcpNameServer
    End If
    For Each part In SplitList(chosen, " ,;").Items
        If Not seen.Exists("ns:" & part) Then
            seen.Add "ns:" & part, True
            Push dnsServers, part
        End If
    Next
Next
' Group policy's connection-specific suffix and DNS servers apply to every adapter, in place
' of each adapter's own.
Dim serversSource, adapterSuffixSource
serversSource = "adapters"
adapterSuffixSource = "adapters"
If Len(Trim(policyAdapterDomain & "")) > 0 Then
    adapterSuffixSource = "policy"
    Set adapterSuffixes = NewList()
    Push adapterSuffixes, Trim(policyAdapterDomain)
End If
If SplitList(policyNameServer, " ,;").Count > 0 Then
    serversSource = "policy"
    Set dnsServers = NewList()
    For Each part In SplitList(policyNameServer, " ,;").Items
        If Not seen.Exists("pns:" & part) Then
            seen.Add "pns:" & part, True
            Push dnsServers, part
        End If
    Next
End If
If dnsServers.Count = 0 Then
    serversSource = "wmi"
    For Each part In wmiServers.Items
        If Not seen.Exists("ns:" & part) Then
            seen.Add "ns:" & part, True
            Push dnsServers, part
        End If
    Next
End If
If dnsServers.Count = 0 Then serversSource = Null
If dnsServers.Count = 0 Then AddProblem "no_dns_server", "no adapter has a DNS server"

' The effective suffix order, policy over local: a configured search list alone (group
' policy's first); else the primary suffix, each adapter's suffix, then, while devolution is
' on, the primary suffix's parents that keep at least the devolution level's labels (2 by
' default). Devolved parents are listed in devolvedSuffixes too: Microsoft documents
' devolution for single-label names, so they are searched only if the console devolves.
Dim primaryEffective, primarySource, devolutionEffective, devolutionSource, devolutionLevel, levelSource
Dim devolvedSuffixes
Set suffixes = NewList()
Set devolvedSuffixes = NewList()
If Len(Trim(policyPrimary & "")) > 0 Then
    primaryEffective = Trim(policyPrimary): primarySource = "policy"
ElseIf Len(Trim(primary & "")) > 0 Then
    primaryEffective = primary: primarySource = "local"
ElseIf Len(Trim(nvDomain & "")) > 0 Then
    primaryEffective = nvDomain: primarySource = "nv_domain"
Else
    primaryEffective = "": primarySource = Null
End If
If SplitList(policyList, ",").Count > 0 Then
    devolutionEffective = False: devolutionSource = "policy_search_list"
ElseIf SplitList(localList, ",").Count > 0 Then
    devolutionEffective = False: devolutionSource = "local_search_list"
ElseIf Not IsNull(policyDevolutionValue) Then
    devolutionEffective = (policyDevolutionValue <> 0): devolutionSource = "policy"
ElseIf Not IsNull(devolutionValue) Then
    devolutionEffective = (devolutionValue <> 0): devolutionSource = "local"
Else
    devolutionEffective = True: devolutionSource = "default"
End If
If Not IsNull(policyLevelValue) Then
    devolutionLevel = policyLevelValue: levelSource = "policy"
ElseIf Not IsNull(localLevelValue) Then
    devolutionLevel = localLevelValue: levelSource = "local"
Else
    devolutionLevel = DEFAULT_DEVOLUTION_LEVEL: levelSource = "default"
End If
If devolutionLevel < DEFAULT_DEVOLUTION_LEVEL Then devolutionLevel = DEFAULT_DEVOLUTION_LEVEL
If SplitList(policyList, ",").Count > 0 Then
    effectiveSource = "policy"
    For Each part In SplitList(policyList, ",").Items
        AddSuffix suffixes, seen, part
    Next
ElseIf SplitList(localList, ",").Count > 0 Then
    effectiveSource = "local"
    For Each part In SplitList(localList, ",").Items
        AddSuffix suffixes, seen, part
    Next
Else
    effectiveSource = "built"
    If Len(primaryEffective & "") > 0 Then AddSuffix suffixes, seen, primaryEffective
    For Each part In adapterSuffixes.Items
        AddSuffix suffixes, seen, part
    Next
    If devolutionEffective And Len(primaryEffective & "") > 0 Then
        labels = Split(StripDot(primaryEffective), ".")
        For i = 1 To UBound(labels) + 1 - devolutionLevel
            part = labels(i)
            For n = i + 1 To UBound(labels)
                part = part & "." & labels(n)
            Next
            n = suffixes.Count
            AddSuffix suffixes, seen, part
            If suffixes.Count > n Then Push devolvedSuffixes, StripDot(part)
        Next
    End If
End If
If suffixes.Count = 0 Then AddProblem "no_suffix", "the resolver has no DNS suffix to search"

Function NullIfEmpty(s)
    If Len(s & "") = 0 Then NullIfEmpty = Null Else NullIfEmpty = s
End Function

Function StripDot(s)
    StripDot = Trim(s)
    Do While Right(StripDot, 1) = "."
        StripDot = Left(StripDot, Len(StripDot) - 1)
    Loop
End Function

Sub AddSuffix(list, seenSet, name)
    Dim clean
    clean = StripDot(name)
    If clean = "" Then Exit Sub
    If seenSet.Exists("sfx:" & LCase(clean)) Then Exit Sub
    seenSet.Add "sfx:" & LCase(clean), True
    Push list, clean
End Sub

' ------------------------------------------------------------------ the console's own lookups

Dim nslookup, systemRoot, candidate, results, out, command
systemRoot = EnvVar("SystemRoot")
If systemRoot = "" Then systemRoot = EnvVar("windir")
nslookup = Null
For Each candidate In Array(systemRoot & "\System32\nslookup.exe", systemRoot & "\Sysnative\nslookup.exe")
    If IsNull(nslookup) And fso.FileExists(candidate) Then nslookup = candidate
Next
If IsNull(nslookup) Then AddProblem "nslookup_missing", "nslookup.exe was not found in " & systemRoot & "\System32"
Set results = NewList()
' The absolute name (a trailing dot): without it nslookup appends its own suffixes first and
' may show the answer for another name.
For Each part In suffixes.Items
    command = "nslookup -type=srv _vlmcs._tcp." & part & "."
    out = Null
    runTimedOut = False
    runElapsedMs = Null
    If IsNull(nslookup) Then
        ' nothing to run: the problem above says why
    ElseIf Not IsDnsText(part) Then
        AddProblem "suffix_not_queried", "not a plain DNS name, not passed to a command line: " & part
    Else
        WScript.Echo command
        out = RunCaptured("""" & nslookup & """ -type=srv _vlmcs._tcp." & part & ".", nslookupSeconds)
        If runTimedOut Then AddProblem "nslookup_timeout", "no end within " & nslookupSeconds & " s: " & part
        If IsNull(out) Then AddProblem "nslookup_failed", runError
    End If
    Push results, "{""suffix"": " & J(part) & ", ""command"": " & J(command) & ", ""output"": " & J(out) & _
        ", ""timed_out"": " & JBool(runTimedOut) & ", ""elapsed_ms"": " & JNum(runElapsedMs) & "}"
Next

' ------------------------------------------------------------------ ospp.vbs, bounded
' ospp.vbs shows some failures in a window (WshShell.Popup) that waits for a click, so every
' run of it is bounded, and on time-out the cscript process itself is ended (ending the cmd
' that started it would leave cscript running). Where WMI can end a process, cmd writes
' cscript's output to a file and WMI ends cscript by its process id; elsewhere cscript is
' started directly, so that its WshScriptExec can end it, and once it has ended by itself it
' is run again with its output in a file (its first output went to a pipe nobody reads).
Dim osppSeconds, wmiCanEnd, osppEnded, osppEndedBy, osppPid, osppRuns
osppSeconds = DSTATUS_SECONDS
If IsNumeric(EnvVar("SRS_COLLECT_OSPP_SECONDS")) Then
    On Error Resume Next
    n = CLng(EnvVar("SRS_COLLECT_OSPP_SECONDS"))
    If Err.Number = 0 And n > 0 Then osppSeconds = n
    Err.Clear
    On Error GoTo 0
End If
wmiCanEnd = False

Function WmiCanEndProcesses()
    ' Tried on a cmd started here that waits for input: does WMI's Terminate end it?
    Dim probe, p, t0
    WmiCanEndProcesses = False
    If Not haveWmi Then Exit Function
    On Error Resume Next
    Set probe = sh.Exec("cmd")
    If Err.Number <> 0 Then
        Err.Clear
        Exit Function
    End If
    Pause 300
    If probe.Status = 0 Then
        For Each p In wmi.ExecQuery("SELECT * FROM Win32_Process WHERE ProcessId = " & probe.ProcessID)
            p.Terminate
        Next
        Err.Clear
        t0 = Timer
        Do While probe.Status = 0 And Elapsed(t0) < 3
            Pause 100
        Loop
        WmiCanEndProcesses = (probe.Status <> 0)
    End If
    If probe.Status = 0 Then probe.Terminate
    Err.Clear
    On Error GoTo 0
End Function

Sub WaitBounded(ex, seconds, t0)
    runTimedOut = False
    On Error Resume Next
    Do While ex.Status = 0
        If Elapsed(t0) > seconds Then
            runTimedOut = True
            Exit Do
        End If
        Pause 100
    Loop
    Err.Clear
    On Error GoTo 0
End Sub

Function EndChildren(pid)
    ' Ends, by process id, what the cmd with this process id started; True when none is left.
    Dim p, t0, left
    left = 0
    On Error Resume Next
    For Each p In wmi.ExecQuery("SELECT * FROM Win32_Process WHERE ParentProcessId = " & pid)
        If LCase(p.Name) = "cscript.exe" Then osppPid = p.ProcessId
        p.Terminate
    Next
    Err.Clear
    t0 = Timer
    Do
        left = 0
        For Each p In wmi.ExecQuery("SELECT * FROM Win32_Process WHERE ParentProcessId = " & pid)
            left = left + 1
        Next
        If left = 0 Or Elapsed(t0) > 3 Then Exit Do
        Pause 100
    Loop
    Err.Clear
    On Error GoTo 0
    EndChildren = (left = 0)
End Function

Function RunOspp(path, action, seconds)
    ' cscript ospp.vbs <action>, for at most `seconds`; its output (Null when it could not start).
    Dim ex, t0, tmp, commandLine
    osppEnded = Null: osppEndedBy = Null: osppPid = Null: osppRuns = 1
    commandLine = "cscript //nologo """ & path & """ " & action
    If wmiCanEnd Then
        runTimedOut = False
        runError = ""
        tmp = TempDir() & "\srs-collect-" & fso.GetTempName()
        t0 = Timer
        On Error Resume Next
        Set ex = sh.Exec("cmd /c """ & commandLine & " > """ & tmp & """ 2>&1""")
        If Err.Number <> 0 Then
            runError = Err.Description
            Err.Clear
            RunOspp = Null
            Exit Function
        End If
        On Error GoTo 0
        WaitBounded ex, seconds, t0
        If runTimedOut Then
            osppEndedBy = "wmi"
            osppEnded = EndChildren(ex.ProcessID)
            On Error Resume Next
            ex.Terminate
            Err.Clear
            On Error GoTo 0
        End If
        runElapsedMs = Round(Elapsed(t0) * 1000)
        If runTimedOut Then
            RunOspp = ReadText(tmp, 1)
        Else
            RunOspp = ReadText(tmp, 5)
        End If
        On Error Resume Next
        fso.DeleteFile tmp, True
        If Err.Number <> 0 Then Push leftovers, tmp
        Err.Clear
        On Error GoTo 0
        Exit Function
    End If
    runTimedOut = False
    runError = ""
    t0 = Timer
    On Error Resume Next
    Set ex = sh.Exec(commandLine)
    If Err.Number <> 0 Then
        runError = Err.Description
        Err.Clear
        RunOspp = Null
        Exit Function
    End If
    osppPid = ex.ProcessID
    On Error GoTo 0
    WaitBounded ex, seconds, t0
    If runTimedOut Then
        osppEndedBy = "exec"
        On Error Resume Next
        ex.Terminate
        t0 = Timer
        Do While ex.Status = 0 And Elapsed(t0) < 3
            Pause 100
        Loop
        osppEnded = (ex.Status <> 0)
        Err.Clear
        On Error GoTo 0
        runElapsedMs = Round(seconds * 1000)
        RunOspp = ""
        Exit Function
    End If
    ' It ended by itself: again, with its output in a file.
    osppRuns = 2
    osppPid = Null
    RunOspp = RunCaptured(commandLine, seconds)
    If runTimedOut Then osppEnded = False
End Function

Function OsppRunJson()
    ' The added fields of an ospp.vbs run: how it was bounded, and whether it had to be ended.
    If runTimedOut Then
        If osppEnded Then
            AddProblem "ospp_ended", "cscript (process id " & osppPid & ") was ended after " & osppSeconds & _
                " s; ospp.vbs may have been waiting for a click on a window"
        Else
            AddProblem "ospp_not_ended", "cscript (process id " & osppPid & ") could not be ended; it may still run"
        End If
    End If
    OsppRunJson = ", ""ended_by_collector"": " & JBool(osppEnded) & ", ""ended_with"": " & J(osppEndedBy) & _
        ", ""process_id"": " & JNum(osppPid) & ", ""runs"": " & JNum(osppRuns)
End Function

' ------------------------------------------------------------------ offline activation
' A MAK installed and not licensed (no internet on the console, often): its installation ID
' (ospp.vbs /dinstid, read-only) goes into the report, so the laptop can guide activation
' with a confirmation ID. Nothing is deposited or changed here.
Dim dinstid
Set dinstid = NewList()

Function MakNotLicensed(out)
    ' Does a product block of this /dstatus answer hold a MAK that is not ---LICENSED---?
    Dim blocks, i, block
    MakNotLicensed = False
    If IsNull(out) Then Exit Function
    blocks = Split(out, "SKU ID:")
    For i = 1 To UBound(blocks)
        block = UCase(blocks(i))
        If InStr(block, "MAK") > 0 And InStr(block, "---LICENSED---") = 0 Then MakNotLicensed = True
    Next
End Function

Sub CollectDinstid(path, dstatusOut)
    Dim out
    If Not MakNotLicensed(dstatusOut) Then Exit Sub
    WScript.Echo "cscript ospp.vbs /dinstid (" & path & ")"
    out = RunOspp(path, "/dinstid", osppSeconds)
    If runTimedOut Then AddProblem "dinstid_timeout", "no end within " & osppSeconds & " s: " & path
    If IsNull(out) Then AddProblem "dinstid_failed", runError
    Push dinstid, "{""path"": " & J(path) & ", ""output"": " & J(out) & ", ""timed_out"": " & _
        JBool(runTimedOut) & ", ""elapsed_ms"": " & JNum(runElapsedMs) & OsppRunJson() & "}"
End Sub

Function DinstidField()
    ' The report's office.dinstid, only when something was collected.
    DinstidField = ""
    If dinstid.Count > 0 Then DinstidField = ", ""dinstid"": " & JRaw(dinstid)
End Function

' ------------------------------------------------------------------ the license state

Dim osppPaths, seenPath, root, version, path, dstatus
Set osppPaths = NewList()
Set seenPath = CreateObject("Scripting.Dictionary")
For Each root In Array(EnvVar("ProgramFiles"), EnvVar("ProgramFiles(x86)"), EnvVar("ProgramW6432"))
    If root <> "" Then
        For Each version In Array("Office16", "Office15", "Office14")
            path = root & "\Microsoft Office\" & version & "\OSPP.VBS"
            If fso.FileExists(path) And Not seenPath.Exists(LCase(path)) Then
                seenPath.Add LCase(path), True
                Push osppPaths, path
            End If
        Next
    End If
Next
Set dstatus = NewList()
If osppPaths.Count = 0 Then
    AddProblem "office_missing", "no OSPP.VBS under Microsoft Office\Office14, Office15 or Office16"
End If
Dim dhistory, dstatusTimedOut, dstatusOut
Set dhistory = NewList()
If osppPaths.Count > 0 Then wmiCanEnd = WmiCanEndProcesses()
For Each path In osppPaths.Items
    WScript.Echo "cscript ospp.vbs /dstatus (" & path & ")"
    out = RunOspp(path, "/dstatus", osppSeconds)
    If runTimedOut Then AddProblem "dstatus_timeout", "no end within " & osppSeconds & " s: " & path
    If IsNull(out) Then AddProblem "dstatus_failed", runError
    Push dstatus, "{""path"": " & J(path) & ", ""output"": " & J(out) & ", ""timed_out"": " & _
        JBool(runTimedOut) & ", ""elapsed_ms"": " & JNum(runElapsedMs) & OsppRunJson() & "}"
    dstatusTimedOut = runTimedOut
    dstatusOut = out
    If Not dstatusTimedOut Then CollectDinstid path, dstatusOut
    ' A KMS client's activation history (read-only), for a KMS client only.
    If Not dstatusTimedOut And InStr(UCase(dstatusOut & ""), "VOLUME_KMSCLIENT") > 0 Then
        WScript.Echo "cscript ospp.vbs /dhistorykms (" & path & ")"
        out = RunOspp(path, "/dhistorykms", osppSeconds)
        If runTimedOut Then AddProblem "dhistorykms_timeout", "no end within " & osppSeconds & " s: " & path
        If IsNull(out) Then AddProblem "dhistorykms_failed", runError
        Push dhistory, "{""path"": " & J(path) & ", ""output"": " & J(out) & ", ""timed_out"": " & _
            JBool(runTimedOut) & ", ""elapsed_ms"": " & JNum(runElapsedMs) & OsppRunJson() & "}"
    End If
Next

' ------------------------------------------------------------------ the KMS host set by hand
' /sethst and /setprt write these values (DNS discovery is off while a name is set); 32-bit
' Office on 64-bit Windows keeps them in the Wow6432Node view.
Dim kmsOverrides, overrideKey
Set kmsOverrides = NewList()
For Each overrideKey In Array(OSPP_KEY, OSPP_KEY_WOW)
    Push kmsOverrides, "{""key"": " & J(overrideKey) & _
        ", ""name"": " & J(RegText(overrideKey & "\KeyManagementServiceName")) & _
        ", ""port"": " & J(RegText(overrideKey & "\KeyManagementServicePort")) & "}"
Next

' ------------------------------------------------------------------ the report

' Temporary files an abandoned program still held: by now it has usually ended.
Dim leftover
On Error Resume Next
For Each leftover In leftovers.Items
    fso.DeleteFile leftover, True
    Err.Clear
Next
On Error GoTo 0

Dim fileName, target, writtenTo, fallback, writeError
fileName = "srs-console-" & SafeFileName(computerName) & "-" & fileStamp & ".json"
fallback = False

Function ErrorText(step)
    ' What failed, for a problem's detail (Err.Description is empty for some failures).
    ErrorText = step & " failed (error 0x" & Hex(Err.Number)
    If Err.Description <> "" Then ErrorText = ErrorText & ": " & Err.Description
    ErrorText = ErrorText & ")"
End Function

Function WriteFile(path, text)
    ' Creates path (never over an existing file), writes text in UTF-16 and closes it: True when
    ' all of it is written. On any failure (a full disk or quota fails Write or Close) the file
    ' this call created is removed, and only it; writeError says what failed.
    Dim s, created, failure
    WriteFile = False
    created = False
    failure = ""
    On Error Resume Next
    Set s = fso.CreateTextFile(path, False, True)
    If Err.Number <> 0 Then
        failure = ErrorText("creating " & path)
    Else
        created = True
        s.Write text
        If Err.Number <> 0 Then failure = ErrorText("writing " & path)
        Err.Clear
        s.Close
        If Err.Number <> 0 And failure = "" Then failure = ErrorText("closing " & path)
    End If
    Err.Clear
    ' Releasing the stream closes a handle that a failed Close kept open.
    Set s = Nothing
    If failure <> "" And created Then fso.DeleteFile path, True
    Err.Clear
    On Error GoTo 0
    If failure = "" Then WriteFile = True Else writeError = failure
End Function

Function WriteReport(dir)
    ' The report in dir: True when it is there whole. It is written to a hidden .tmp renamed at
    ' the end, so that nobody reading the folder meanwhile (rollout) finds half a report. When
    ' the rename is refused (a drop-box share that lets this account create files but not
    ' rename them), the .tmp is removed and the report written under its own name at once; a
    ' .tmp that could be neither renamed nor removed is named in a problem. Nothing else in
    ' dir is touched; what failed is in writeError.
    Dim path, tmp, renameError
    WriteReport = False
    path = dir & "\" & fileName
    tmp = dir & "\." & fileName & ".tmp"
    If Not WriteFile(tmp, ReportJson()) Then Exit Function
    On Error Resume Next
    If fso.FileExists(path) Then fso.DeleteFile path, True
    Err.Clear
    fso.MoveFile tmp, path
    If Err.Number = 0 Then
        On Error GoTo 0
        WriteReport = True
        Exit Function
    End If
    renameError = ErrorText("renaming " & tmp)
    Err.Clear
    fso.DeleteFile tmp, True
    Err.Clear
    ' Told by looking: Wine's DeleteFile does not raise when it is refused.
    If fso.FileExists(tmp) Then
        AddProblem "folder_no_rename", "could neither rename nor remove " & tmp & " (" & renameError & _
            "): it is left in that folder"
    End If
    Err.Clear
    On Error GoTo 0
    If WriteFile(path, ReportJson()) Then
        WriteReport = True
    Else
        writeError = renameError & "; " & writeError
    End If
End Function

Function FullPath(path)
    ' The folder as an absolute path without a trailing backslash (C:\ stays C:\). An absolute
    ' path is kept as given: GetAbsolutePathName drops the last part of a folder that does not
    ' exist yet on Wine.
    Dim p
    p = path
    If Right(p, 2) = "\." Then p = Left(p, Len(p) - 1)
    If Right(p, 1) = "\" And Len(p) > 3 Then p = Left(p, Len(p) - 1)
    If Left(p, 2) = "\\" Or Mid(p, 2, 2) = ":\" Then
        FullPath = p
    ElseIf fso.FolderExists(p) Then
        FullPath = fso.GetAbsolutePathName(p)
    Else
        FullPath = fso.BuildPath(fso.GetAbsolutePathName("."), p)
    End If
End Function

Sub MakeFolder(ByVal path)
    ' The folder and its missing parents (\\server\share\a\b creates a and b); a failure is
    ' found when the report is opened there.
    Dim missing, parent, k
    Set missing = NewList()
    Do While path <> ""
        If fso.FolderExists(path) Then Exit Do
        Push missing, path
        parent = fso.GetParentFolderName(path)
        If parent = path Then Exit Do
        path = parent
    Loop
    On Error Resume Next
    For k = missing.Count - 1 To 0 Step -1
        fso.CreateFolder missing.Item(k)
        Err.Clear
    Next
    On Error GoTo 0
End Sub

Sub Finish(written)
    ' Without /quiet: 0 written, 1 not written. With /quiet: 10 written, 11 written with
    ' problems listed in it, 12 not written (srs-collect.cmd makes them 0, 1 and 2).
    If Not quiet Then
        If written Then WScript.Quit 0 Else WScript.Quit 1
    ElseIf Not written Then
        WScript.Quit 12
    ElseIf problems <> "" Then
        WScript.Quit 11
    Else
        WScript.Quit 10
    End If
End Sub

Function ReportJson()
    ' The report's text, with the problems found so far.
    ReportJson = "{" & vbCrLf & _
    "  ""schema"": " & J(SCHEMA) & "," & vbCrLf & _
    "  ""collector_version"": " & J(COLLECTOR_VERSION) & "," & vbCrLf & _
    "  ""computer"": {""name"": " & J(computerName) & ", ""wmi_name"": " & J(wmiName) & _
        ", ""domain"": " & J(csDomain) & ", ""part_of_domain"": " & JBool(partOfDomain) & "}," & vbCrLf & _
    "  ""os"": {""caption"": " & J(osCaption) & ", ""version"": " & J(osVersion) & "}," & vbCrLf & _
    "  ""collected_at"": " & J(collectedAt) & "," & vbCrLf & _
    "  ""elevated"": " & JBool(elevated) & "," & vbCrLf & _
    "  ""dns"": {" & vbCrLf & _
    "    ""primary_suffix"": " & J(primary) & ", ""nv_domain"": " & J(nvDomain) & "," & vbCrLf & _
    "    ""search_list_policy"": " & J(policyList) & ", ""search_list_local"": " & J(localList) & "," & vbCrLf & _
    "    ""devolution"": " & JBool(devolution) & ", ""devolution_value"": " & JNum(devolutionValue) & "," & vbCrLf & _
    "    ""devolution_level_value"": " & JNum(localLevelValue) & ", ""devolution_level_key"": " & J(localLevelKey) & _
        "," & vbCrLf & _
    "    ""policy"": {""primary_suffix"": " & J(policyPrimary) & ", ""primary_suffix_key"": " & J(policyPrimaryKey) & _
        ", ""adapter_domain"": " & J(policyAdapterDomain) & ", ""name_server"": " & J(policyNameServer) & _
        ", ""search_list"": " & J(policyList) & ", ""devolution_value"": " & JNum(policyDevolutionValue) & _
        ", ""devolution_level"": " & JNum(policyLevelValue) & "}," & vbCrLf & _
    "    ""effective"": {""primary_suffix"": " & J(NullIfEmpty(primaryEffective)) & ", ""primary_source"": " & _
        J(primarySource) & ", ""adapter_suffix_source"": " & J(adapterSuffixSource) & ", ""dns_servers_source"": " & _
        J(serversSource) & ", ""devolution"": " & JBool(devolutionEffective) & ", ""devolution_source"": " & _
        J(devolutionSource) & ", ""devolution_level"": " & JNum(devolutionLevel) & _
        ", ""devolution_level_source"": " & J(levelSource) & "}," & vbCrLf & _
    "    ""adapters"": " & JRaw(adapters) & "," & vbCrLf & _
    "    ""wmi_adapters"": " & JRaw(wmiAdapters) & "," & vbCrLf & _
    "    ""effective_source"": " & J(effectiveSource) & "," & vbCrLf & _
    "    ""effective_suffixes"": " & JList(suffixes) & "," & vbCrLf & _
    "    ""devolved_suffixes"": " & JList(devolvedSuffixes) & "," & vbCrLf & _
    "    ""dns_servers"": " & JList(dnsServers) & "}," & vbCrLf & _
    "  ""nslookup"": {""path"": " & J(nslookup) & ", ""results"": " & JRaw(results) & "}," & vbCrLf & _
    "  ""office"": {""ospp_paths"": " & JList(osppPaths) & ", ""dstatus"": " & JRaw(dstatus) & DinstidField() & _
        ", ""dhistorykms"": " & JRaw(dhistory) & ", ""kms_override"": " & JRaw(kmsOverrides) & _
        ", ""ospp_seconds"": " & JNum(osppSeconds) & "}," & vbCrLf & _
    "  ""problems"": [" & problems & "]" & vbCrLf & _
    "}" & vbCrLf
End Function

target = folder
MakeFolder folder
If Not WriteReport(target) Then
    ' The folder could not be created or written, or took the file but not all of it (a full
    ' disk, a quota, no right to rename): the report goes to %TEMP%, saying so.
    fallback = True
    target = TempDir()
    AddProblem "folder_read_only", "could not write to " & folder & " (" & writeError & "); the report is in " & target
    If Not WriteReport(target) Then
        WScript.Echo "The report could not be written to " & folder & " nor to " & target & ": " & writeError
        Finish False
    End If
End If
writtenTo = target & "\" & fileName
If fallback Then
    WScript.Echo "The folder " & folder & " is read-only or full, so the report was written to " & target & " instead."
End If
WScript.Echo "Report written: " & writtenTo
WScript.Echo "Open it on the laptop with srs-wizard: KMS check, Import console report."
Finish True
