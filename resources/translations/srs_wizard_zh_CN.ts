<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivationPage</name>
    <message>
        <source>Activate and check</source>
        <translation>激活并检查</translation>
    </message>
    <message>
        <source>Activate Lync 2013 on the console and read its own answer: the job is done when it says LICENSED. You may go on without it; the summary then says it was not checked.</source>
        <translation>在控制台上激活 Lync 2013 并读取它自己的输出：显示 LICENSED 时工作才算完成。也可以不检查就继续；摘要中会注明未检查。</translation>
    </message>
    <message>
        <source>On the console, open the command prompt as administrator (right-click Command Prompt, Run as administrator), then run these commands in order.</source>
        <translation>在控制台上以管理员身份打开命令提示符（右键单击“命令提示符”，选择“以管理员身份运行”），然后按顺序运行以下命令。</translation>
    </message>
    <message>
        <source>&amp;Which Office:</source>
        <translation>Office 版本(&amp;W)：</translation>
    </message>
    <message>
        <source>Which Office</source>
        <translation>Office 版本</translation>
    </message>
    <message>
        <source>Where OSPP.VBS is: 32-bit Office on 64-bit Windows is under Program Files (x86).</source>
        <translation>OSPP.VBS 的位置：64 位 Windows 上的 32 位 Office 位于 Program Files (x86) 下。</translation>
    </message>
    <message>
        <source>Office of the same bitness as Windows</source>
        <translation>与 Windows 位数相同的 Office</translation>
    </message>
    <message>
        <source>32-bit Office on 64-bit Windows</source>
        <translation>64 位 Windows 上的 32 位 Office</translation>
    </message>
    <message>
        <source>Commands for this console</source>
        <translation>此控制台的命令</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy command {n}</source>
        <translation>复制命令 {n}</translation>
    </message>
    <message>
        <source>Command {n}</source>
        <translation>命令 {n}</translation>
    </message>
    <message>
        <source>The console&apos;s answer</source>
        <translation>控制台的输出</translation>
    </message>
    <message>
        <source>Paste the console&apos;s &amp;output here:</source>
        <translation>在此粘贴控制台的输出(&amp;O)：</translation>
    </message>
    <message>
        <source>Console output</source>
        <translation>控制台输出</translation>
    </message>
    <message>
        <source>Everything cscript ospp.vbs /dstatus (and /act) printed; prompts and banners may stay in.</source>
        <translation>cscript ospp.vbs /dstatus（及 /act）输出的全部内容；提示符和标题行可以保留。</translation>
    </message>
    <message>
        <source>Open &amp;text file…</source>
        <translation>打开文本文件(&amp;T)…</translation>
    </message>
    <message>
        <source>Open text file</source>
        <translation>打开文本文件</translation>
    </message>
    <message>
        <source>A file the output was saved to, for example on a USB stick (cscript ospp.vbs /dstatus &gt; E:\status.txt).</source>
        <translation>保存了输出的文件，例如 U 盘上的文件（cscript ospp.vbs /dstatus &gt; E:\status.txt）。</translation>
    </message>
    <message>
        <source>&amp;Run on this computer</source>
        <translation>在本机运行(&amp;R)</translation>
    </message>
    <message>
        <source>Run on this computer</source>
        <translation>在本机运行</translation>
    </message>
    <message>
        <source>Runs cscript //nologo OSPP.VBS /dstatus here, in the background, with a time limit.</source>
        <translation>在本机后台运行 cscript //nologo OSPP.VBS /dstatus，有时间限制。</translation>
    </message>
    <message>
        <source>Run /act b&amp;efore /dstatus</source>
        <translation>先运行 /act 再运行 /dstatus(&amp;E)</translation>
    </message>
    <message>
        <source>Run /act before /dstatus</source>
        <translation>先运行 /act 再运行 /dstatus</translation>
    </message>
    <message>
        <source>Reads the ospp.vbs /dstatus output in the srs-console-….json report that srs-collect.cmd wrote on the console.</source>
        <translation>读取 srs-collect.cmd 在控制台上写出的 srs-console-….json 报告中的 ospp.vbs /dstatus 输出。</translation>
    </message>
    <message>
        <source>Use the console report imported on the KMS page</source>
        <translation>使用在 KMS 页面导入的控制台报告</translation>
    </message>
    <message>
        <source>Reads the ospp.vbs /dstatus output that the console report imported on the KMS page holds.</source>
        <translation>读取在 KMS 页面导入的控制台报告中的 ospp.vbs /dstatus 输出。</translation>
    </message>
    <message>
        <source>Cance&amp;l</source>
        <translation>取消(&amp;L)</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>取消运行</translation>
    </message>
    <message>
        <source>Activate without internet…</source>
        <translation>无互联网激活…</translation>
    </message>
    <message>
        <source>Activate without internet</source>
        <translation>无互联网激活</translation>
    </message>
    <message>
        <source>For a console that cannot reach Microsoft&apos;s activation server: activate the MAK with a confirmation ID.</source>
        <translation>用于无法连接 Microsoft 激活服务器的控制台：用确认 ID 激活 MAK。</translation>
    </message>
    <message>
        <source>Activation verdict</source>
        <translation>激活结论</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>1. Install the MAK (the whole key is copied only when you press Copy):</source>
        <translation>1. 安装 MAK（只有按“复制”时才会复制完整密钥）：</translation>
    </message>
    <message>
        <source>1. Only if /dstatus shows no Lync key or another one: install the Lync 2013 KMS client key (GVLK):</source>
        <translation>1. 仅当 /dstatus 显示没有 Lync 密钥或是其他密钥时：安装 Lync 2013 的 KMS 客户端密钥 (GVLK)：</translation>
    </message>
    <message>
        <source>2. Activate:</source>
        <translation>2. 激活：</translation>
    </message>
    <message>
        <source>3. Show the license state, and give its answer below:</source>
        <translation>3. 显示许可状态，并将其输出提供在下方：</translation>
    </message>
    <message>
        <source>KMS cannot activate this room (see the KMS check): choose a MAK or a promotional MAK on the KMS page. To record the console&apos;s license state, run:</source>
        <translation>KMS 无法激活此会议室（见 KMS 检查）：请在 KMS 页面上选择 MAK 或促销 MAK。要记录控制台的许可状态，请运行：</translation>
    </message>
    <message>
        <source>Give the console&apos;s answer above, or go on: the summary will say that activation was not checked.</source>
        <translation>请在上方提供控制台的输出，或直接继续：摘要中会注明未检查激活。</translation>
    </message>
    <message>
        <source>Open the saved output of ospp.vbs</source>
        <translation>打开保存的 ospp.vbs 输出</translation>
    </message>
    <message>
        <source>Text files (*.txt *.log);;All files (*)</source>
        <translation>文本文件 (*.txt *.log);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading {path}…</source>
        <translation>正在读取 {path}…</translation>
    </message>
    <message>
        <source>{path} is larger than 1 MB: it is not an ospp.vbs answer.</source>
        <translation>{path} 大于 1 MB：不是 ospp.vbs 的输出。</translation>
    </message>
    <message>
        <source>{path} is not a text file: it is not an ospp.vbs answer.</source>
        <translation>{path} 不是文本文件：不是 ospp.vbs 的输出。</translation>
    </message>
    <message>
        <source>Read {path}.</source>
        <translation>已读取 {path}。</translation>
    </message>
    <message>
        <source>{path} could not be read: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} holds no ospp.vbs /dstatus output.</source>
        <translation>{path} 中没有 ospp.vbs /dstatus 输出。</translation>
    </message>
    <message>
        <source>The collector says: {reasons}</source>
        <translation>收集脚本说明：{reasons}</translation>
    </message>
    <message>
        <source>Read the /dstatus output of {path}.</source>
        <translation>已读取 {path} 中的 /dstatus 输出。</translation>
    </message>
    <message>
        <source>Running {actions} (at most {seconds:.0f} s)…</source>
        <translation>正在运行 {actions}（最多 {seconds:.0f} 秒）…</translation>
    </message>
    <message>
        <source>Ran in {seconds:.1f} s.</source>
        <translation>运行用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
        <source>ospp.vbs did not finish within {seconds:.0f} s and was stopped. Run the commands in a command prompt instead.</source>
        <translation>ospp.vbs 未在 {seconds:.0f} 秒内完成，已被停止。请改在命令提示符中运行这些命令。</translation>
    </message>
    <message>
        <source>cscript could not be started: {reason}</source>
        <translation>无法启动 cscript：{reason}</translation>
    </message>
    <message>
        <source>The command failed (exit code {code}): {reason}</source>
        <translation>命令失败（退出代码 {code}）：{reason}</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>ChoosePathPage</name>
    <message>
        <source>How will this room get its license?</source>
        <translation>这个会议室将如何获得许可证？</translation>
    </message>
    <message>
        <source>Pick what applies to this customer. If you are not sure, start with the KMS check.</source>
        <translation>选择适用于此客户的方式。如果不确定，请先进行 KMS 检查。</translation>
    </message>
    <message>
        <source>Not &amp;sure: check for KMS first</source>
        <translation>不确定：先检查 KMS(&amp;S)</translation>
    </message>
    <message>
        <source>The check shows whether a KMS host is published in DNS; if not, you can continue with a MAK or a promo MAK request.</source>
        <translation>检查会显示 DNS 中是否发布了 KMS 主机；如果没有，可以继续使用 MAK 或申请促销 MAK。</translation>
    </message>
    <message>
        <source>&amp;KMS is already in place</source>
        <translation>已部署 KMS(&amp;K)</translation>
    </message>
    <message>
        <source>The customer runs a KMS host that activates Office: the console activates by itself once the Lync 2013 KMS client key is installed.</source>
        <translation>客户运行着可激活 Office 的 KMS 主机：安装 Lync 2013 KMS 客户端密钥后，控制台会自行激活。</translation>
    </message>
    <message>
        <source>I have a &amp;MAK from VLSC</source>
        <translation>我有来自 VLSC 的 MAK(&amp;M)</translation>
    </message>
    <message>
        <source>The customer has a volume license agreement; their IT signs in to the Volume Licensing Service Center and downloads the MAK.</source>
        <translation>客户签有批量许可协议；其 IT 部门登录批量许可服务中心并下载 MAK。</translation>
    </message>
    <message>
        <source>&amp;Office 365 without VLSC access (promo MAK from the OEM)</source>
        <translation>没有 VLSC 访问权限的 Office 365（向 OEM 申请促销 MAK）(&amp;O)</translation>
    </message>
    <message>
        <source>The customer has no volume license agreement: the OEM that sold the room system issues a promotional MAK on request.</source>
        <translation>客户没有批量许可协议：销售会议室系统的 OEM 可应请求颁发促销 MAK。</translation>
    </message>
</context>
<context>
    <name>ConsoleReportImport</name>
    <message>
        <source>Import console report…</source>
        <translation>导入控制台报告…</translation>
    </message>
    <message>
        <source>Import console report</source>
        <translation>导入控制台报告</translation>
    </message>
    <message>
        <source>Reads the srs-console-….json report that srs-collect.cmd wrote on the console: its DNS servers, its suffixes in its own order, and its own lookups.</source>
        <translation>读取 srs-collect.cmd 在控制台上写下的 srs-console-….json 报告：控制台的 DNS 服务器、按其自身顺序排列的 DNS 后缀，以及它自己的查询结果。</translation>
    </message>
    <message>
        <source>Console report</source>
        <translation>控制台报告</translation>
    </message>
    <message>
        <source>Console report (srs-console-*.json);;All files (*)</source>
        <translation>控制台报告 (srs-console-*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>{path} was not imported:</source>
        <translation>未导入 {path}：</translation>
    </message>
</context>
<context>
    <name>ConsoleScriptButton</name>
    <message>
        <source>Make a console script…</source>
        <translation>生成控制台脚本…</translation>
    </message>
    <message>
        <source>Make a console script</source>
        <translation>生成控制台脚本</translation>
    </message>
    <message>
        <source>Writes srs-collect.cmd for a console that cannot run this program (Windows 7): run it there, then import the report it writes.</source>
        <translation>为无法运行本程序的控制台（Windows 7）写出 srs-collect.cmd：在控制台上运行它，然后导入它写下的报告。</translation>
    </message>
    <message>
        <source>Folder for the console script</source>
        <translation>控制台脚本的保存文件夹</translation>
    </message>
    <message>
        <source>Writing the console script…</source>
        <translation>正在写入控制台脚本…</translation>
    </message>
    <message>
        <source>Wrote {path} (and srs-collect.vbs beside it). On the console, double-click it, or run it from an administrator command prompt to include the license state; it writes its report beside itself.</source>
        <translation>已写入 {path}（旁边还有 srs-collect.vbs）。在控制台上双击运行它；若要包含许可证状态，请在管理员命令提示符中运行。它会把报告写在自己旁边。</translation>
    </message>
    <message>
        <source>The console script could not be written to {folder}: {reason}</source>
        <translation>无法将控制台脚本写入 {folder}：{reason}</translation>
    </message>
</context>
<context>
    <name>CopyButton</name>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>KmsCheckPage</name>
    <message>
        <source>KMS check</source>
        <translation>KMS 检查</translation>
    </message>
    <message>
        <source>Look up the _vlmcs._tcp SRV records the console would find, and test that the hosts answer on their port.</source>
        <translation>查找控制台会找到的 _vlmcs._tcp SRV 记录，并测试这些主机是否在其端口上应答。</translation>
    </message>
    <message>
        <source>DNS &amp;domains:</source>
        <translation>DNS 域(&amp;D)：</translation>
    </message>
    <message>
        <source>DNS domains</source>
        <translation>DNS 域</translation>
    </message>
    <message>
        <source>e.g. contoso.com, corp.contoso.com</source>
        <translation>例如 contoso.com, corp.contoso.com</translation>
    </message>
    <message>
        <source>DNS se&amp;rver:</source>
        <translation>DNS 服务器(&amp;R)：</translation>
    </message>
    <message>
        <source>DNS server</source>
        <translation>DNS 服务器</translation>
    </message>
    <message>
        <source>Lync 2013 KMS client key: {key}</source>
        <translation>Lync 2013 KMS 客户端密钥：{key}</translation>
    </message>
    <message>
        <source>No other path: record this result only</source>
        <translation>没有其他途径：只记录此结果</translation>
    </message>
    <message>
        <source>The inputs changed: check again. The result below was made with the earlier inputs and is not recorded.</source>
        <translation>输入已更改：请重新检查。下面的结果是用之前的输入得出的，不会被记录。</translation>
    </message>
    <message>
        <source>Go on &amp;without a KMS check (recorded as not checked)</source>
        <translation>不做 KMS 检查继续(&amp;W)（记录为未检查）</translation>
    </message>
    <message>
        <source>Go on without a KMS check</source>
        <translation>不做 KMS 检查继续</translation>
    </message>
    <message>
        <source>System default ({servers})</source>
        <translation>系统默认（{servers}）</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>The domains to search, in the console&apos;s order, primary first. Separate several with commas.</source>
        <translation>要搜索的域，按控制台的顺序，主域在前。多个域用逗号分隔。</translation>
    </message>
    <message>
        <source>Checked in under 0.1 s.</source>
        <translation>检查用时不到 0.1 秒。</translation>
    </message>
    <message>
        <source>Leave empty to ask this computer&apos;s DNS servers (the console&apos;s only when srs-wizard runs on it; import a console report otherwise). HOST or HOST:PORT; IPv6 as [address]:port.</source>
        <translation>留空则询问本计算机的 DNS 服务器（只有在控制台上运行 srs-wizard 时才是控制台的服务器；否则请导入控制台报告）。格式为 主机 或 主机:端口；IPv6 写作 [地址]:端口。</translation>
    </message>
    <message>
        <source>Ad&amp;vanced</source>
        <translation>高级(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Expected KMS hosts:</source>
        <translation>预期的 KMS 主机(&amp;E)：</translation>
    </message>
    <message>
        <source>Expected KMS hosts</source>
        <translation>预期的 KMS 主机</translation>
    </message>
    <message>
        <source>Hosts the customer runs, e.g. kms01.contoso.com</source>
        <translation>客户运行的主机，例如 kms01.contoso.com</translation>
    </message>
    <message>
        <source>Any other host found in DNS is flagged as unexpected (a possible rogue KMS host).</source>
        <translation>DNS 中找到的其他主机都会被标记为意外主机（可能是非法 KMS 主机）。</translation>
    </message>
    <message>
        <source>DNS &amp;time budget:</source>
        <translation>DNS 时间预算(&amp;T)：</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>DNS time budget in seconds</source>
        <translation>DNS 时间预算（秒）</translation>
    </message>
    <message>
        <source>&amp;Connect timeout:</source>
        <translation>连接超时(&amp;C)：</translation>
    </message>
    <message>
        <source>Connect timeout in seconds</source>
        <translation>连接超时（秒）</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Cance&amp;l check</source>
        <translation>取消检查(&amp;L)</translation>
    </message>
    <message>
        <source>Cancel check</source>
        <translation>取消检查</translation>
    </message>
    <message>
        <source>Cop&amp;y results</source>
        <translation>复制结果(&amp;Y)</translation>
    </message>
    <message>
        <source>Copy results</source>
        <translation>复制结果</translation>
    </message>
    <message>
        <source>Copy key</source>
        <translation>复制密钥</translation>
    </message>
    <message>
        <source>Copy Lync 2013 KMS client key</source>
        <translation>复制 Lync 2013 KMS 客户端密钥</translation>
    </message>
    <message>
        <source>DNS domains searched</source>
        <translation>已搜索的 DNS 域</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>后续步骤</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>域</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>This computer&apos;s check: {title}</source>
        <translation>本计算机的检查：{title}</translation>
    </message>
    <message>
        <source>The console&apos;s nslookup</source>
        <translation>控制台的 nslookup</translation>
    </message>
    <message>
        <source>KMS will not activate this room. Continue with:</source>
        <translation>KMS 无法激活此会议室。请继续使用：</translation>
    </message>
    <message>
        <source>A MAK from the Volume Licensing Service Center</source>
        <translation>来自批量许可服务中心的 MAK</translation>
    </message>
    <message>
        <source>A promotional MAK request to the OEM (Office 365 without VLSC)</source>
        <translation>向 OEM 申请促销 MAK（没有 VLSC 访问权限的 Office 365）</translation>
    </message>
    <message>
        <source>Check a&amp;gain</source>
        <translation>再次检查(&amp;G)</translation>
    </message>
    <message>
        <source>C&amp;heck</source>
        <translation>检查(&amp;H)</translation>
    </message>
    <message>
        <source>This computer has no DNS domain: type the customer&apos;s domain.</source>
        <translation>此计算机没有 DNS 域：请输入客户的域。</translation>
    </message>
    <message>
        <source>Check cancelled.</source>
        <translation>检查已取消。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Checking… {seconds:.1f} s</source>
        <translation>正在检查… {seconds:.1f} 秒</translation>
    </message>
    <message>
        <source>Checked in {seconds:.1f} s.</source>
        <translation>检查用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
        <source>The check could not run: {reason}</source>
        <translation>检查无法运行：{reason}</translation>
    </message>
</context>
<context>
    <name>MakPage</name>
    <message>
        <source>MAK from the Volume Licensing Service Center</source>
        <translation>来自批量许可服务中心的 MAK</translation>
    </message>
    <message>
        <source>Type or paste the MAK. It is checked as you type, offline; only its last 5 characters are ever shown in the record.</source>
        <translation>输入或粘贴 MAK。输入时会离线检查；记录中只会显示其最后 5 个字符。</translation>
    </message>
    <message>
        <source>&amp;Product key (MAK):</source>
        <translation>产品密钥 (MAK)(&amp;P)：</translation>
    </message>
    <message>
        <source>Product key</source>
        <translation>产品密钥</translation>
    </message>
    <message>
        <source>25 characters; dashes and spaces are optional, and you can paste a whole line that contains the key.</source>
        <translation>25 个字符；短划线和空格可有可无，也可以粘贴包含密钥的整行文字。</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <source>Show product key</source>
        <translation>显示产品密钥</translation>
    </message>
    <message>
        <source>&amp;Use this key anyway (the checksum failed; this will be recorded)</source>
        <translation>仍使用此密钥（校验和不符；这将被记录）(&amp;U)</translation>
    </message>
    <message>
        <source>Use key anyway</source>
        <translation>仍使用此密钥</translation>
    </message>
    <message>
        <source>Offline checks</source>
        <translation>离线检查</translation>
    </message>
    <message>
        <source>25 characters</source>
        <translation>25 个字符</translation>
    </message>
    <message>
        <source>Only characters used in product keys</source>
        <translation>只含产品密钥使用的字符</translation>
    </message>
    <message>
        <source>Exactly one N, not at the end</source>
        <translation>恰好一个 N，且不在末尾</translation>
    </message>
    <message>
        <source>Checksum matches (catches most typing mistakes)</source>
        <translation>校验和匹配（可发现大多数输入错误）</translation>
    </message>
    <message>
        <source>Not a public KMS client key (GVLK)</source>
        <translation>不是公开的 KMS 客户端密钥 (GVLK)</translation>
    </message>
    <message>
        <source>Before you leave</source>
        <translation>离开前</translation>
    </message>
    <message>
        <source>After the wizard</source>
        <translation>向导完成后</translation>
    </message>
    <message>
        <source>1. Type the MAK in the Skype Room System admin console,
2. or, on the console, run the command below, then cscript ospp.vbs /act,
3. and check with cscript ospp.vbs /dstatus that the last 5 characters match.</source>
        <translation>1. 在 Skype 会议室系统管理控制台中输入 MAK，
2. 或在控制台上运行下面的命令，然后运行 cscript ospp.vbs /act，
3. 再用 cscript ospp.vbs /dstatus 检查最后 5 个字符是否一致。</translation>
    </message>
    <message>
        <source>Copy command</source>
        <translation>复制命令</translation>
    </message>
    <message>
        <source>Copy command with product key</source>
        <translation>复制含产品密钥的命令</translation>
    </message>
    <message>
        <source>Copies the command with the whole key to the clipboard.</source>
        <translation>将含完整密钥的命令复制到剪贴板。</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation>尚未检查</translation>
    </message>
</context>
<context>
    <name>OfflinePage</name>
    <message>
        <source>Activate without internet</source>
        <translation>无互联网激活</translation>
    </message>
    <message>
        <source>When the console cannot reach Microsoft&apos;s activation server, activate the MAK with a confirmation ID: the console shows an installation ID, the activation centre gives a confirmation ID for it, the console takes it.</source>
        <translation>控制台无法连接 Microsoft 激活服务器时，用确认 ID 激活 MAK：控制台显示安装 ID，激活中心据此给出确认 ID，再由控制台接受该确认 ID。</translation>
    </message>
    <message>
        <source>On the console, open the command prompt as administrator, then follow these steps in order.</source>
        <translation>在控制台上以管理员身份打开命令提示符，然后按顺序执行以下步骤。</translation>
    </message>
    <message>
        <source>&amp;Which Office:</source>
        <translation>Office 版本(&amp;W)：</translation>
    </message>
    <message>
        <source>Which Office</source>
        <translation>Office 版本</translation>
    </message>
    <message>
        <source>Where OSPP.VBS is: 32-bit Office on 64-bit Windows is under Program Files (x86).</source>
        <translation>OSPP.VBS 的位置：64 位 Windows 上的 32 位 Office 位于 Program Files (x86) 下。</translation>
    </message>
    <message>
        <source>Office of the same bitness as Windows</source>
        <translation>与 Windows 位数相同的 Office</translation>
    </message>
    <message>
        <source>32-bit Office on 64-bit Windows</source>
        <translation>64 位 Windows 上的 32 位 Office</translation>
    </message>
    <message>
        <source>Steps on the console</source>
        <translation>在控制台上的步骤</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy offline step {n}</source>
        <translation>复制离线步骤 {n}</translation>
    </message>
    <message>
        <source>Puts this command on the clipboard.</source>
        <translation>将此命令复制到剪贴板。</translation>
    </message>
    <message>
        <source>Offline step {n} command</source>
        <translation>离线步骤 {n} 的命令</translation>
    </message>
    <message>
        <source>The command to run on the console, with the full path of OSPP.VBS.</source>
        <translation>要在控制台上运行的命令，含 OSPP.VBS 的完整路径。</translation>
    </message>
    <message>
        <source>The console&apos;s installation ID</source>
        <translation>控制台的安装 ID</translation>
    </message>
    <message>
        <source>Paste the console&apos;s answer to /dinstid &amp;here:</source>
        <translation>在此粘贴控制台对 /dinstid 的输出(&amp;H)：</translation>
    </message>
    <message>
        <source>The console&apos;s /dinstid answer</source>
        <translation>控制台的 /dinstid 输出</translation>
    </message>
    <message>
        <source>Everything cscript ospp.vbs /dinstid printed; prompts and banners may stay in.</source>
        <translation>cscript ospp.vbs /dinstid 输出的全部内容；提示符和标题行可以保留。</translation>
    </message>
    <message>
        <source>Open text file…</source>
        <translation>打开文本文件…</translation>
    </message>
    <message>
        <source>Open the /dinstid answer from a text file</source>
        <translation>从文本文件打开 /dinstid 输出</translation>
    </message>
    <message>
        <source>A file the answer was saved to, for example on a USB stick (cscript ospp.vbs /dinstid &gt; E:\iid.txt).</source>
        <translation>保存输出的文件，例如 U 盘上的文件（cscript ospp.vbs /dinstid &gt; E:\iid.txt）。</translation>
    </message>
    <message>
        <source>Run /dinstid on this computer</source>
        <translation>在本机运行 /dinstid</translation>
    </message>
    <message>
        <source>Runs cscript //nologo OSPP.VBS /dinstid here, in the background, with a time limit.</source>
        <translation>在本机后台运行 cscript //nologo OSPP.VBS /dinstid，有时间限制。</translation>
    </message>
    <message>
        <source>Reads the /dinstid answer in the srs-console-….json report that srs-collect.cmd wrote on the console.</source>
        <translation>读取 srs-collect.cmd 在控制台上生成的 srs-console-….json 报告中的 /dinstid 输出。</translation>
    </message>
    <message>
        <source>Use the console report imported before</source>
        <translation>使用之前导入的控制台报告</translation>
    </message>
    <message>
        <source>Reads the /dinstid answer of the console report imported on an earlier page.</source>
        <translation>读取在前面页面导入的控制台报告中的 /dinstid 输出。</translation>
    </message>
    <message>
        <source>Copy ID</source>
        <translation>复制 ID</translation>
    </message>
    <message>
        <source>Copy the installation ID</source>
        <translation>复制安装 ID</translation>
    </message>
    <message>
        <source>Puts the installation ID on the clipboard, in its groups.</source>
        <translation>将安装 ID 按分组复制到剪贴板。</translation>
    </message>
    <message>
        <source>Installation ID</source>
        <translation>安装 ID</translation>
    </message>
    <message>
        <source>Give this installation ID to {centre}, group by group; it gives a confirmation ID for it.</source>
        <translation>将此安装 ID 逐组提供给{centre}，它会据此给出确认 ID。</translation>
    </message>
    <message>
        <source>The confirmation ID</source>
        <translation>确认 ID</translation>
    </message>
    <message>
        <source>&amp;Confirmation ID from the activation centre:</source>
        <translation>激活中心给出的确认 ID(&amp;C)：</translation>
    </message>
    <message>
        <source>Confirmation ID</source>
        <translation>确认 ID</translation>
    </message>
    <message>
        <source>Digits only; dashes and spaces between the groups may stay. Only the console can tell whether it is right.</source>
        <translation>只填数字；分组之间的短横线和空格可以保留。只有控制台能判断它是否正确。</translation>
    </message>
    <message>
        <source>The console&apos;s answer</source>
        <translation>控制台的输出</translation>
    </message>
    <message>
        <source>Paste the console&apos;s answer to /actcid and /dstatus h&amp;ere:</source>
        <translation>在此粘贴控制台对 /actcid 和 /dstatus 的输出(&amp;E)：</translation>
    </message>
    <message>
        <source>The console&apos;s /actcid and /dstatus answer</source>
        <translation>控制台的 /actcid 和 /dstatus 输出</translation>
    </message>
    <message>
        <source>Everything cscript ospp.vbs /actcid and /dstatus printed.</source>
        <translation>cscript ospp.vbs /actcid 和 /dstatus 输出的全部内容。</translation>
    </message>
    <message>
        <source>Open the /actcid answer from a text file</source>
        <translation>从文本文件打开 /actcid 输出</translation>
    </message>
    <message>
        <source>A file the answer was saved to, for example on a USB stick.</source>
        <translation>保存输出的文件，例如 U 盘上的文件。</translation>
    </message>
    <message>
        <source>Run /actcid and /dstatus on this computer</source>
        <translation>在本机运行 /actcid 和 /dstatus</translation>
    </message>
    <message>
        <source>Deposits the confirmation ID typed above with cscript //nologo OSPP.VBS /actcid, then reads /dstatus, in the background.</source>
        <translation>在后台用 cscript //nologo OSPP.VBS /actcid 提交上面输入的确认 ID，然后读取 /dstatus。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the run</source>
        <translation>取消运行</translation>
    </message>
    <message>
        <source>Stops ospp.vbs running here.</source>
        <translation>停止在本机运行的 ospp.vbs。</translation>
    </message>
    <message>
        <source>Offline activation verdict</source>
        <translation>离线激活结论</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>1. Only if the console does not hold the MAK yet (Activate and check says so): install it (the whole key is copied only when you press Copy):</source>
        <translation>1. 仅当控制台尚未安装该 MAK 时（“激活并检查”页会说明）：安装它（只有按“复制”时才会复制完整密钥）：</translation>
    </message>
    <message>
        <source>2. Show the installation ID, and give its answer below (run it again after any key change):</source>
        <translation>2. 显示安装 ID，并在下方提供其输出（每次更换密钥后都要重新运行）：</translation>
    </message>
    <message>
        <source>3. Deposit the confirmation ID (type it below first):</source>
        <translation>3. 提交确认 ID（先在下方输入）：</translation>
    </message>
    <message>
        <source>4. Show the license state, and give the answers of steps 3 and 4 below:</source>
        <translation>4. 显示许可状态，并在下方提供步骤 3 和 4 的输出：</translation>
    </message>
    <message>
        <source>Only digits: “{char}” (character {n}) is not one. Dashes and spaces may stay.</source>
        <translation>只能是数字：“{char}”（第 {n} 个字符）不是数字。短横线和空格可以保留。</translation>
    </message>
    <message>
        <source>This is far longer than a confirmation ID.</source>
        <translation>这远长于一个确认 ID。</translation>
    </message>
    <message>
        <source>The confirmation ID as typed</source>
        <translation>已输入的确认 ID</translation>
    </message>
    <message>
        <source>{n} digits typed. Whether they are right only the console can say, when it takes them.</source>
        <translation>已输入 {n} 位数字。是否正确只有控制台在接受时才能判断。</translation>
    </message>
    <message>
        <source>No installation ID in this answer: run step 2 on the console and give its whole answer.</source>
        <translation>此输出中没有安装 ID：请在控制台上运行步骤 2，并提供其完整输出。</translation>
    </message>
    <message>
        <source>Installation ID of {product}: {count} groups of {size} digits, for reading aloud or typing into the activation centre&apos;s page.</source>
        <translation>{product} 的安装 ID：{count} 组，每组 {size} 位数字，便于朗读或输入到激活中心的网页中。</translation>
    </message>
    <message>
        <source>The answer lists no Lync 2013 product: this is the Office suite&apos;s ID.</source>
        <translation>输出中没有 Lync 2013 产品：这是 Office 套件的 ID。</translation>
    </message>
    <message>
        <source>No answer to /actcid yet</source>
        <translation>尚无 /actcid 的输出</translation>
    </message>
    <message>
        <source>Only the console can say whether a confirmation ID is right: give its answer to steps 3 and 4 above.</source>
        <translation>只有控制台能判断确认 ID 是否正确：请在上方提供它对步骤 3 和 4 的输出。</translation>
    </message>
    <message>
        <source>The answer shows no /actcid for Lync 2013: run step 3, then step 4, and give both answers.</source>
        <translation>输出中没有 Lync 2013 的 /actcid：请运行步骤 3，再运行步骤 4，并提供两者的输出。</translation>
    </message>
    <message>
        <source>Open the saved output of ospp.vbs</source>
        <translation>打开保存的 ospp.vbs 输出</translation>
    </message>
    <message>
        <source>Text files (*.txt *.log);;All files (*)</source>
        <translation>文本文件 (*.txt *.log);;所有文件 (*)</translation>
    </message>
    <message>
        <source>{path} could not be read: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>Reading {path}…</source>
        <translation>正在读取 {path}…</translation>
    </message>
    <message>
        <source>{path} is larger than 1 MB: it is not an ospp.vbs answer.</source>
        <translation>{path} 大于 1 MB：不是 ospp.vbs 的输出。</translation>
    </message>
    <message>
        <source>{path} is not a text file: it is not an ospp.vbs answer.</source>
        <translation>{path} 不是文本文件：不是 ospp.vbs 的输出。</translation>
    </message>
    <message>
        <source>Read {path}.</source>
        <translation>已读取 {path}。</translation>
    </message>
    <message>
        <source>{path} holds no /dinstid answer: the collector takes it only when a MAK is installed and not activated.</source>
        <translation>{path} 中没有 /dinstid 输出：只有在已安装 MAK 但未激活时，收集脚本才会收集它。</translation>
    </message>
    <message>
        <source>Read the /dinstid answer of {path}.</source>
        <translation>已读取 {path} 中的 /dinstid 输出。</translation>
    </message>
    <message>
        <source>{path} is no longer a usable console report.</source>
        <translation>{path} 已不再是可用的控制台报告。</translation>
    </message>
    <message>
        <source>Type the confirmation ID above first.</source>
        <translation>请先在上方输入确认 ID。</translation>
    </message>
    <message>
        <source>Running {actions} (at most {seconds:.0f} s)…</source>
        <translation>正在运行 {actions}（最多 {seconds:.0f} 秒）…</translation>
    </message>
    <message>
        <source>Ran in {seconds:.1f} s.</source>
        <translation>运行用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
        <source>ospp.vbs did not finish within {seconds:.0f} s and was stopped. Run the commands in a command prompt instead.</source>
        <translation>ospp.vbs 未在 {seconds:.0f} 秒内完成，已被停止。请改在命令提示符中运行这些命令。</translation>
    </message>
    <message>
        <source>cscript could not be started: {reason}</source>
        <translation>无法启动 cscript：{reason}</translation>
    </message>
    <message>
        <source>The command failed (exit code {code}): {reason}</source>
        <translation>命令失败（退出代码 {code}）：{reason}</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>PromoPage</name>
    <message>
        <source>Promotional MAK request to the OEM</source>
        <translation>向 OEM 申请促销 MAK</translation>
    </message>
    <message>
        <source>Office 365 customers without VLSC access get a MAK from the OEM that sold the room system. Collect what the OEM needs; * marks what it cannot do without.</source>
        <translation>没有 VLSC 访问权限的 Office 365 客户可从销售会议室系统的 OEM 获得 MAK。请收集 OEM 需要的信息；* 表示必填。</translation>
    </message>
    <message>
        <source>TAM name</source>
        <translation>TAM 姓名</translation>
    </message>
    <message>
        <source>TAM contact</source>
        <translation>TAM 联系方式</translation>
    </message>
    <message>
        <source>OEM name</source>
        <translation>OEM 名称</translation>
    </message>
    <message>
        <source>OEM email</source>
        <translation>OEM 电子邮件</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <source>Contact name</source>
        <translation>联系人姓名</translation>
    </message>
    <message>
        <source>Contact email</source>
        <translation>联系人电子邮件</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系人电话</translation>
    </message>
    <message>
        <source>Number of systems</source>
        <translation>系统数量</translation>
    </message>
    <message>
        <source>Deployment date</source>
        <translation>部署日期</translation>
    </message>
    <message>
        <source>name@company.com</source>
        <translation>name@company.com</translation>
    </message>
    <message>
        <source>+86 10 1234 5678 ext. 12</source>
        <translation>+86 10 1234 5678 转 12</translation>
    </message>
    <message>
        <source>Email or phone of the TAM</source>
        <translation>TAM 的电子邮件或电话</translation>
    </message>
    <message>
        <source>Where the OEM takes these requests</source>
        <translation>OEM 接收此类申请的地址</translation>
    </message>
    <message>
        <source>If the customer has a Microsoft Technical Account Manager (TAM), give both the name and the contact details.</source>
        <translation>如果客户有 Microsoft 技术客户经理 (TAM)，请同时填写姓名和联系方式。</translation>
    </message>
    <message>
        <source>Optional: who the request goes to.</source>
        <translation>可选：申请发给谁。</translation>
    </message>
    <message>
        <source>&amp;Copy request</source>
        <translation>复制申请(&amp;C)</translation>
    </message>
    <message>
        <source>Copy request</source>
        <translation>复制申请</translation>
    </message>
    <message>
        <source>Save .&amp;eml…</source>
        <translation>保存 .eml(&amp;E)…</translation>
    </message>
    <message>
        <source>Save email</source>
        <translation>保存电子邮件</translation>
    </message>
    <message>
        <source>Open in &amp;mail app</source>
        <translation>在邮件应用中打开(&amp;M)</translation>
    </message>
    <message>
        <source>Open in mail app</source>
        <translation>在邮件应用中打开</translation>
    </message>
    <message>
        <source>This looks like a product key: it is saved and sent with only its last 5 characters.</source>
        <translation>这看起来是产品密钥：保存和发送时只保留其最后 5 个字符。</translation>
    </message>
    <message>
        <source>Still to fill in or correct: {fields}.</source>
        <translation>尚需填写或更正：{fields}。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>The request is on the clipboard.</source>
        <translation>申请已复制到剪贴板。</translation>
    </message>
    <message>
        <source>Save the request as an email</source>
        <translation>将申请另存为电子邮件</translation>
    </message>
    <message>
        <source>Email message (*.eml)</source>
        <translation>电子邮件 (*.eml)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>The email could not be saved to {path}: {reason}
Choose another place; nothing you typed is lost.</source>
        <translation>无法将电子邮件保存到 {path}：{reason}
请选择其他位置；您输入的内容都不会丢失。</translation>
    </message>
    <message>
        <source>Saved to {path}. Open it in Outlook or any mail app to send it.</source>
        <translation>已保存到 {path}。在 Outlook 或任何邮件应用中打开即可发送。</translation>
    </message>
    <message>
        <source>The request was handed to your mail app.</source>
        <translation>申请已交给您的邮件应用。</translation>
    </message>
    <message>
        <source>No mail app answered. Use Copy request or Save .eml instead.</source>
        <translation>没有邮件应用响应。请改用“复制申请”或“保存 .eml”。</translation>
    </message>
</context>
<context>
    <name>SrsWizard</name>
    <message>
        <source>srs-wizard: Skype Room System licensing</source>
        <translation>srs-wizard：Skype 会议室系统许可</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>保存 PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Show the wizard in {language}</source>
        <translation>以{language}显示向导</translation>
    </message>
    <message>
        <source>The unfinished session saved last time could not be read, so this is a fresh start. The damaged file was kept as {path}.</source>
        <translation>无法读取上次保存的未完成会话，因此重新开始。损坏的文件已保留为 {path}。</translation>
    </message>
    <message>
        <source>An unfinished session from {when} was found{who}. Resume it?</source>
        <translation>发现 {when} 的未完成会话{who}。要继续吗？</translation>
    </message>
    <message>
        <source> ({name})</source>
        <translation>（{name}）</translation>
    </message>
    <message>
        <source>{folder} is a file, not a folder</source>
        <translation>{folder} 是一个文件，而不是文件夹</translation>
    </message>
    <message>
        <source>Drafts cannot be saved</source>
        <translation>无法保存草稿</translation>
    </message>
    <message>
        <source>What you type cannot be kept as a draft in {folder} ({reason}), so it would be lost if srs-wizard or the console stopped. Keep going, and on the last page save the summary with Save PDF… in a folder you can write to, such as Documents or a USB drive.</source>
        <translation>您输入的内容无法作为草稿保存在 {folder} 中（{reason}），因此如果 srs-wizard 或控制台停止运行，这些内容将会丢失。请继续操作，并在最后一页用“保存 PDF…”将摘要保存到您可以写入的文件夹，例如“文档”或 U 盘。</translation>
    </message>
    <message>
        <source>Details are in {path}.</source>
        <translation>详细信息见 {path}。</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong inside srs-wizard: {error}

What you typed is kept: it is saved as a draft and offered again at the next start. {details}</source>
        <translation>srs-wizard 内部出错：{error}

您输入的内容没有丢失：它已保存为草稿，下次启动时会再次提供。{details}</translation>
    </message>
    <message>
        <source>Log file: {path}</source>
        <translation>日志文件：{path}</translation>
    </message>
    <message>
        <source>About srs-wizard</source>
        <translation>关于 srs-wizard</translation>
    </message>
    <message>
        <source>srs-wizard {version}

Finds out how a Skype Room System&apos;s Skype for Business client gets its volume license (KMS, MAK or a promotional MAK) and records it.</source>
        <translation>srs-wizard {version}

查明 Skype 会议室系统中的 Skype for Business 客户端如何获得批量许可证（KMS、MAK 或促销 MAK），并加以记录。</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Check the facts, then save them as a PDF to leave with the customer.</source>
        <translation>核对信息，然后保存为 PDF 留给客户。</translation>
    </message>
    <message>
        <source>Cop&amp;y summary</source>
        <translation>复制摘要(&amp;Y)</translation>
    </message>
    <message>
        <source>Copy summary</source>
        <translation>复制摘要</translation>
    </message>
    <message>
        <source>Copies the summary as text, for a ticket or an email.</source>
        <translation>将摘要复制为文本，便于写入工单或邮件。</translation>
    </message>
    <message>
        <source>A product key was typed into a name, a note or a request field: the summary, the PDF and the record show it with only its last 5 characters.</source>
        <translation>名称、备注或申请字段中输入了产品密钥：摘要、PDF 和记录中只显示其最后 5 个字符。</translation>
    </message>
    <message>
        <source>Save the summary as PDF</source>
        <translation>将摘要保存为 PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>The summary was saved as {path}, with its record beside it. Open the PDF now?</source>
        <translation>摘要已保存为 {path}，记录文件在其旁边。现在打开 PDF 吗？</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <source>The summary has not been saved as a PDF. Finish without saving it?</source>
        <translation>摘要尚未保存为 PDF。不保存就完成吗？</translation>
    </message>
    <message>
        <source>The record cannot be saved as it is: {problems}. Correct these fields and save again; nothing you entered is lost.</source>
        <translation>记录无法按现状保存：{problems}。请更正这些字段后再保存；您输入的内容不会丢失。</translation>
    </message>
    <message>
        <source>Saving {path}…</source>
        <translation>正在保存 {path}…</translation>
    </message>
    <message>
        <source>Saved {path} and {record}.</source>
        <translation>已保存 {path} 和 {record}。</translation>
    </message>
    <message>
        <source>The PDF could not be saved to {path}:
{reason}

Any earlier file there is unchanged and nothing you entered is lost. Choose another place.</source>
        <translation>无法将 PDF 保存到 {path}：
{reason}

那里原有的文件保持不变，您输入的内容也都不会丢失。请选择其他位置。</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>The PDF and its record (.json) are in {folder}. Copy the record to the project manager: srs-wizard rollout reads the records of every room into one report.</source>
        <translation>PDF 及其记录 (.json) 位于 {folder}。请把记录复制给项目经理：srs-wizard rollout 会把每个会议室的记录汇总成一份报告。</translation>
    </message>
    <message>
        <source>&amp;Open the folder</source>
        <translation>打开文件夹(&amp;O)</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>打开文件夹</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Skype Room System licensing</source>
        <translation>Skype 会议室系统许可</translation>
    </message>
    <message>
        <source>Find out how this room&apos;s Skype for Business client gets its volume license.</source>
        <translation>查明此会议室的 Skype for Business 客户端如何获得批量许可证。</translation>
    </message>
    <message>
        <source>1. Check whether a KMS host is published in DNS and answers.
2. Or check a MAK from the Volume Licensing Service Center, or prepare a promotional MAK request for the OEM.
3. Save a summary as a PDF to leave with the customer.</source>
        <translation>1. 检查 DNS 中是否发布了 KMS 主机，以及该主机是否应答。
2. 或检查来自批量许可服务中心的 MAK，或为 OEM 准备促销 MAK 申请。
3. 将摘要保存为 PDF 留给客户。</translation>
    </message>
    <message>
        <source>&amp;Technician name:</source>
        <translation>技术人员姓名(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Customer (company) name:</source>
        <translation>客户（公司）名称(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Site / room name:</source>
        <translation>地点/会议室名称(&amp;S)：</translation>
    </message>
    <message>
        <source>Technician name</source>
        <translation>技术人员姓名</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Site name</source>
        <translation>地点名称</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>The company the room belongs to</source>
        <translation>会议室所属的公司</translation>
    </message>
    <message>
        <source>e.g. Building 2, Room Everest</source>
        <translation>例如 2 号楼珠峰会议室</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>Resume unfinished session</source>
        <translation>继续未完成的会话</translation>
    </message>
    <message>
        <source>Start &amp;fresh</source>
        <translation>重新开始(&amp;F)</translation>
    </message>
    <message>
        <source>Discard unfinished session</source>
        <translation>放弃未完成的会话</translation>
    </message>
    <message>
        <source>Enter your name: it goes on the record.</source>
        <translation>请输入您的姓名：它会写入记录。</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s company name.</source>
        <translation>请输入客户的公司名称。</translation>
    </message>
    <message>
        <source>Enter the site or room name.</source>
        <translation>请输入地点或会议室名称。</translation>
    </message>
    <message>
        <source>Required (*), still to fill in: {fields}.</source>
        <translation>必填（*），尚需填写：{fields}。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>activation</name>
    <message>
        <source>no KMS SRV record found in the console&apos;s DNS</source>
        <translation>控制台的 DNS 中找不到 KMS SRV 记录</translation>
    </message>
    <message>
        <source>Publish _vlmcs._tcp in the console&apos;s DNS domain, or fix the console&apos;s DNS suffix and search list, or set the host with cscript ospp.vbs /sethst:&lt;host&gt;.</source>
        <translation>在控制台的 DNS 域中发布 _vlmcs._tcp，或更正控制台的 DNS 后缀和搜索列表，或用 cscript ospp.vbs /sethst:&lt;host&gt; 指定主机。</translation>
    </message>
    <message>
        <source>the product key is blocked</source>
        <translation>产品密钥已被封禁</translation>
    </message>
    <message>
        <source>Obtain a new MAK (from VLSC, or from the OEM for a promotional MAK).</source>
        <translation>获取新的 MAK（从 VLSC 获取；促销 MAK 则向 OEM 索取）。</translation>
    </message>
    <message>
        <source>the MAK has no activations left</source>
        <translation>该 MAK 已没有剩余激活次数</translation>
    </message>
    <message>
        <source>Ask for more activations in VLSC (or from the OEM for a promotional MAK).</source>
        <translation>在 VLSC 中申请更多激活次数（促销 MAK 则向 OEM 申请）。</translation>
    </message>
    <message>
        <source>the licensing service is disabled or stopped</source>
        <translation>许可服务已被禁用或已停止</translation>
    </message>
    <message>
        <source>no KMS host could be contacted</source>
        <translation>无法联系任何 KMS 主机</translation>
    </message>
    <message>
        <source>the RPC server is unavailable</source>
        <translation>RPC 服务器不可用</translation>
    </message>
    <message>
        <source>Open TCP port 1688 on the KMS host&apos;s firewall, or remove a stale SRV record.</source>
        <translation>在 KMS 主机的防火墙上打开 TCP 1688 端口，或删除过时的 SRV 记录。</translation>
    </message>
    <message>
        <source>the KMS host has counted fewer than 5 Office clients</source>
        <translation>KMS 主机统计到的 Office 客户端少于 5 个</translation>
    </message>
    <message>
        <source>Wait until 5 or more clients have asked the customer&apos;s KMS host; the count is the KMS host&apos;s, not the console&apos;s. Then run /act again.</source>
        <translation>等到 5 个或更多客户端向客户的 KMS 主机请求过激活；这是 KMS 主机的计数，与控制台无关。然后再次运行 /act。</translation>
    </message>
    <message>
        <source>the KMS host did not answer (KMS not enabled)</source>
        <translation>KMS 主机没有应答（KMS 未启用）</translation>
    </message>
    <message>
        <source>Check that port 1688 is open and that the KMS service runs on the host.</source>
        <translation>检查 1688 端口是否开放，以及主机上的 KMS 服务是否在运行。</translation>
    </message>
    <message>
        <source>the KMS host itself is not activated</source>
        <translation>KMS 主机本身未激活</translation>
    </message>
    <message>
        <source>The customer activates its KMS host; then run /act again.</source>
        <translation>由客户激活其 KMS 主机，然后再次运行 /act。</translation>
    </message>
    <message>
        <source>this KMS host cannot activate this product</source>
        <translation>此 KMS 主机无法激活此产品</translation>
    </message>
    <message>
        <source>The KMS host lacks the Office 2013 KMS host key (it may activate Windows only): the customer installs it, or the console uses a MAK.</source>
        <translation>KMS 主机缺少 Office 2013 的 KMS 主机密钥（它可能只激活 Windows）：由客户安装该密钥，或控制台改用 MAK。</translation>
    </message>
    <message>
        <source>the request time stamp is invalid</source>
        <translation>请求的时间戳无效</translation>
    </message>
    <message>
        <source>the product key is invalid</source>
        <translation>产品密钥无效</translation>
    </message>
    <message>
        <source>Retype the key: a KMS client needs the GVLK, a MAK must be a real MAK.</source>
        <translation>重新输入密钥：KMS 客户端需要 GVLK，MAK 必须是真正的 MAK。</translation>
    </message>
    <message>
        <source>the activation server says the key is invalid</source>
        <translation>激活服务器认为该密钥无效</translation>
    </message>
    <message>
        <source>Check the MAK against VLSC.</source>
        <translation>在 VLSC 中核对该 MAK。</translation>
    </message>
    <message>
        <source>the key cannot be used any more (activation limit)</source>
        <translation>该密钥已不能再使用（已达激活上限）</translation>
    </message>
    <message>
        <source>Contact the Microsoft Licensing Activation Centers.</source>
        <translation>请联系 Microsoft 许可激活中心。</translation>
    </message>
    <message>
        <source>the activation server could not activate this computer</source>
        <translation>激活服务器无法激活这台计算机</translation>
    </message>
    <message>
        <source>Verify the MAK with the Microsoft Licensing Activation Centers.</source>
        <translation>请向 Microsoft 许可激活中心核实该 MAK。</translation>
    </message>
    <message>
        <source>the grace period has expired</source>
        <translation>宽限期已过</translation>
    </message>
    <message>
        <source>Activate now, with KMS or a MAK.</source>
        <translation>请立即激活（使用 KMS 或 MAK）。</translation>
    </message>
    <message>
        <source>access denied</source>
        <translation>拒绝访问</translation>
    </message>
    <message>
        <source>Open the command prompt as administrator and run the command again.</source>
        <translation>以管理员身份打开命令提示符，然后再次运行该命令。</translation>
    </message>
    <message>
        <source>the licensing data is damaged</source>
        <translation>许可数据已损坏</translation>
    </message>
    <message>
        <source>Repair the licensing service&apos;s data as Microsoft KB 2870357 describes.</source>
        <translation>按照 Microsoft KB 2870357 的说明修复许可服务的数据。</translation>
    </message>
    <message>
        <source>running in the grace period</source>
        <translation>正在宽限期内运行</translation>
    </message>
    <message>
        <source>Not activated yet: activate it.</source>
        <translation>尚未激活：请激活。</translation>
    </message>
    <message>
        <source>activated; verify the product use rights</source>
        <translation>已激活；请核实产品使用权利</translation>
    </message>
    <message>
        <source>Licensed: nothing to do.</source>
        <translation>已许可：无需操作。</translation>
    </message>
    <message>
        <source>the activation server could not be reached</source>
        <translation>无法连接激活服务器</translation>
    </message>
    <message>
        <source>The console has no internet (or only through a proxy, or no DNS for it): activate it without internet, with a confirmation ID.</source>
        <translation>控制台无法访问互联网（或只能通过代理访问，或无法解析激活服务器）：请用确认 ID 进行无互联网激活。</translation>
    </message>
    <message>
        <source>the installation ID or the confirmation ID is invalid</source>
        <translation>安装 ID 或确认 ID 无效</translation>
    </message>
    <message>
        <source>A digit is wrong, or the ID is for another installation: check the digits, and run /dinstid again after any key change.</source>
        <translation>有数字错误，或该 ID 属于另一次安装：请核对数字；每次更换密钥后都要重新运行 /dinstid。</translation>
    </message>
    <message>
        <source>the offline activation data is in the wrong format</source>
        <translation>离线激活数据的格式错误</translation>
    </message>
    <message>
        <source>Give the confirmation ID as digits only, exactly as the activation centre gave it, and run /actcid again.</source>
        <translation>请只用数字、按激活中心给出的原样提供确认 ID，然后重新运行 /actcid。</translation>
    </message>
    <message>
        <source>an error this program does not know</source>
        <translation>本程序不认识的错误</translation>
    </message>
    <message>
        <source>On the console run cscript ospp.vbs /ddescr:{code} to see what it means.</source>
        <translation>在控制台上运行 cscript ospp.vbs /ddescr:{code} 查看其含义。</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Error {code}: {meaning}</source>
        <translation>错误 {code}：{meaning}</translation>
    </message>
    <message>
        <source>Licensed</source>
        <translation>已许可</translation>
    </message>
    <message>
        <source>Not activated yet</source>
        <translation>尚未激活</translation>
    </message>
    <message>
        <source>No product key installed</source>
        <translation>未安装产品密钥</translation>
    </message>
    <message>
        <source>No Office 2013 product in this answer</source>
        <translation>此输出中没有 Office 2013 产品</translation>
    </message>
    <message>
        <source>This is not an ospp.vbs answer that can be read</source>
        <translation>这不是可以读取的 ospp.vbs 输出</translation>
    </message>
    <message>
        <source>Activation not checked</source>
        <translation>未检查激活</translation>
    </message>
    <message>
        <source>Promotional MAK requested; activation pending</source>
        <translation>已申请促销 MAK；等待激活</translation>
    </message>
    <message>
        <source>Office 2013 on the console is licensed, but the answer lists no Lync 2013 product: run cscript ospp.vbs /dstatus again and look for the Lync block.</source>
        <translation>控制台上的 Office 2013 已获得许可，但输出中没有列出 Lync 2013 产品：请再次运行 cscript ospp.vbs /dstatus 并查找 Lync 部分。</translation>
    </message>
    <message>
        <source>Lync 2013 on the console is licensed: the job is done.</source>
        <translation>控制台上的 Lync 2013 已许可：工作已完成。</translation>
    </message>
    <message>
        <source>Run cscript ospp.vbs /act (the console needs internet, or activate it without internet, with a confirmation ID), then cscript ospp.vbs /dstatus again.</source>
        <translation>运行 cscript ospp.vbs /act（控制台需要访问互联网，或者用确认 ID 进行无互联网激活），然后再次运行 cscript ospp.vbs /dstatus。</translation>
    </message>
    <message>
        <source>{code}: {meaning}</source>
        <translation>{code}：{meaning}</translation>
    </message>
    <message>
        <source>Microsoft&apos;s activation centre (by phone or on the web page the activation wizard shows)</source>
        <translation>Microsoft 激活中心（通过电话，或通过激活向导显示的网页）</translation>
    </message>
    <message>
        <source>Activated offline with a confirmation ID on {date}.</source>
        <translation>已于 {date} 用确认 ID 离线激活。</translation>
    </message>
    <message>
        <source>Activated offline with a confirmation ID.</source>
        <translation>已用确认 ID 离线激活。</translation>
    </message>
    <message>
        <source>Not activated offline: the console refused the confirmation ID ({code}: {meaning}).</source>
        <translation>未能离线激活：控制台拒绝了确认 ID（{code}：{meaning}）。</translation>
    </message>
    <message>
        <source>Licensed, but the console&apos;s answer shows no confirmation ID deposited for Lync 2013: it may have been activated before.</source>
        <translation>已许可，但控制台的输出中没有为 Lync 2013 提交确认 ID 的记录：它可能之前已被激活。</translation>
    </message>
    <message>
        <source>Not activated offline: the console&apos;s answer shows no confirmation ID deposited for Lync 2013.</source>
        <translation>未离线激活：控制台的输出中没有为 Lync 2013 提交确认 ID 的记录。</translation>
    </message>
    <message>
        <source>{product}, installation ID:</source>
        <translation>{product} 的安装 ID：</translation>
    </message>
    <message>
        <source>Give it to {centre} for a confirmation ID, then run cscript ospp.vbs /actcid:&lt;confirmation ID&gt;.</source>
        <translation>将它提供给{centre}以获取确认 ID，然后运行 cscript ospp.vbs /actcid:&lt;确认 ID&gt;。</translation>
    </message>
    <message>
        <source>This answer shows no license state: run cscript ospp.vbs /dstatus for it.</source>
        <translation>此输出中没有许可状态：请运行 cscript ospp.vbs /dstatus 查看。</translation>
    </message>
    <message>
        <source>Run cscript ospp.vbs /act, then cscript ospp.vbs /dstatus again.</source>
        <translation>运行 cscript ospp.vbs /act，然后再次运行 cscript ospp.vbs /dstatus。</translation>
    </message>
    <message>
        <source>On Windows 7 start the &quot;Office Software Protection Platform&quot; service: cscript ospp.vbs /osppsvcauto sets it to start automatically and /osppsvcrestart restarts it; on Windows 8 or later start the Software Protection service. Then try again.</source>
        <translation>在 Windows 7 上启动“Office Software Protection Platform”服务：cscript ospp.vbs /osppsvcauto 将其设为自动启动，/osppsvcrestart 重新启动它；在 Windows 8 或更高版本上启动“软件保护”服务。然后重试。</translation>
    </message>
    <message>
        <source>Check the SRV record, port 1688 on the KMS host&apos;s firewall and the console&apos;s DNS suffix; run the KMS check of this wizard. On the console, the Application event log (event 12288) and cscript ospp.vbs /dhistorykms show the requests it sent.</source>
        <translation>检查 SRV 记录、KMS 主机防火墙上的 1688 端口以及控制台的 DNS 后缀；运行本向导的 KMS 检查。在控制台上，应用程序事件日志（事件 12288）和 cscript ospp.vbs /dhistorykms 会显示它发出的请求。</translation>
    </message>
    <message>
        <source>The console&apos;s clock is too far from the KMS host&apos;s. Both are compared in UTC, so the time zone setting does not matter: set the console&apos;s date and time so that its UTC time is right, for example from the domain or an NTP server.</source>
        <translation>控制台的时钟与 KMS 主机的时钟相差太大。两者按 UTC 时间比较，因此时区设置无关紧要：请设置控制台的日期和时间，使其 UTC 时间正确，例如从域或 NTP 服务器同步。</translation>
    </message>
    <message>
        <source>Install the MAK with cscript ospp.vbs /inpkey:&lt;MAK&gt;, then run /act.</source>
        <translation>用 cscript ospp.vbs /inpkey:&lt;MAK&gt; 安装 MAK，然后运行 /act。</translation>
    </message>
    <message>
        <source>Install the Lync 2013 KMS client key (GVLK) with cscript ospp.vbs /inpkey, then run /act.</source>
        <translation>用 cscript ospp.vbs /inpkey 安装 Lync 2013 的 KMS 客户端密钥 (GVLK)，然后运行 /act。</translation>
    </message>
    <message>
        <source>Run the commands with the OSPP.VBS of Office15 (Office 2013) on the console, and give its whole answer.</source>
        <translation>在控制台上用 Office15（Office 2013）的 OSPP.VBS 运行这些命令，并提供完整的输出。</translation>
    </message>
    <message>
        <source>Paste the whole output of cscript ospp.vbs /dstatus, or open the text file it was saved to.</source>
        <translation>粘贴 cscript ospp.vbs /dstatus 的完整输出，或打开保存该输出的文本文件。</translation>
    </message>
    <message>
        <source>When the OEM sends the MAK, install it and activate: cscript ospp.vbs /inpkey:&lt;MAK&gt;, /act, /dstatus.</source>
        <translation>收到 OEM 发来的 MAK 后，安装并激活：cscript ospp.vbs /inpkey:&lt;MAK&gt;、/act、/dstatus。</translation>
    </message>
    <message>
        <source>On the console run cscript ospp.vbs /dstatus and look for ---LICENSED--- in the Lync block.</source>
        <translation>在控制台上运行 cscript ospp.vbs /dstatus，查看 Lync 一节中是否为 ---LICENSED---。</translation>
    </message>
    <message>
        <source>The console holds this MAK: the last 5 characters match ({last5}).</source>
        <translation>控制台上装的就是这个 MAK：最后 5 个字符一致（{last5}）。</translation>
    </message>
    <message>
        <source>That proves the key, not the activation: the verdict above says whether it is activated.</source>
        <translation>这只证明了密钥，不证明已激活：是否已激活请看上面的结论。</translation>
    </message>
    <message>
        <source>The console holds another key: its last 5 characters are {found}, the MAK&apos;s are {expected}.</source>
        <translation>控制台上装的是另一个密钥：其最后 5 个字符为 {found}，而 MAK 的为 {expected}。</translation>
    </message>
    <message>
        <source>The console uses a KMS host set by hand (registry override): {host}. DNS discovery is off until /remhst.</source>
        <translation>控制台使用手动指定的 KMS 主机（注册表覆盖）：{host}。在运行 /remhst 之前，DNS 自动发现处于关闭状态。</translation>
    </message>
    <message>
        <source>If the customer&apos;s KMS is found in DNS, run cscript ospp.vbs /remhst, then /act.</source>
        <translation>如果客户的 KMS 可以在 DNS 中找到，请运行 cscript ospp.vbs /remhst，然后运行 /act。</translation>
    </message>
    <message>
        <source>The console&apos;s KMS host {host} is not one the customer runs.</source>
        <translation>控制台的 KMS 主机 {host} 不是客户运行的主机。</translation>
    </message>
    <message>
        <source>A rogue KMS host or a wrong override: remove its SRV record, or run cscript ospp.vbs /remhst, then /act.</source>
        <translation>这是非法 KMS 主机或错误的手动指定：删除其 SRV 记录，或运行 cscript ospp.vbs /remhst，然后运行 /act。</translation>
    </message>
    <message>
        <source>The console&apos;s KMS host {host} is not among the hosts the KMS check found in DNS.</source>
        <translation>控制台的 KMS 主机 {host} 不在 KMS 检查于 DNS 中找到的主机之列。</translation>
    </message>
    <message>
        <source>Ask the customer whether this host is theirs.</source>
        <translation>请向客户确认这台主机是否属于他们。</translation>
    </message>
    <message>
        <source>ospp.vbs could not name the license state (---UNKNOWN---).</source>
        <translation>ospp.vbs 无法识别许可状态（---UNKNOWN---）。</translation>
    </message>
    <message>
        <source>Run cscript ospp.vbs /act, then /dstatus again; if the state stays unknown, restart the licensing service with cscript ospp.vbs /osppsvcrestart.</source>
        <translation>运行 cscript ospp.vbs /act，然后再运行 /dstatus；如果状态仍然未知，请用 cscript ospp.vbs /osppsvcrestart 重新启动许可服务。</translation>
    </message>
    <message>
        <source>KMS client</source>
        <translation>KMS 客户端</translation>
    </message>
    <message>
        <source>MAK</source>
        <translation>多次激活密钥 (MAK)</translation>
    </message>
    <message>
        <source>retail</source>
        <translation>零售</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>/actcid: activated</source>
        <translation>/actcid：已激活</translation>
    </message>
    <message>
        <source>/actcid: refused</source>
        <translation>/actcid：被拒绝</translation>
    </message>
    <message>
        <source>/actcid</source>
        <translation>/actcid（无结果）</translation>
    </message>
    <message>
        <source>/act: activated</source>
        <translation>/act：已激活</translation>
    </message>
    <message>
        <source>/act: failed</source>
        <translation>/act：失败</translation>
    </message>
    <message>
        <source>/act</source>
        <translation>/act（无结果）</translation>
    </message>
    <message>
        <source>licensed</source>
        <translation>已许可</translation>
    </message>
    <message>
        <source>unlicensed</source>
        <translation>未许可</translation>
    </message>
    <message>
        <source>grace period (not activated)</source>
        <translation>宽限期（未激活）</translation>
    </message>
    <message>
        <source>grace period (activation lapsed)</source>
        <translation>宽限期（激活已过期）</translation>
    </message>
    <message>
        <source>non-genuine grace</source>
        <translation>非正版宽限期</translation>
    </message>
    <message>
        <source>notifications (reduced functionality)</source>
        <translation>通知（功能受限）</translation>
    </message>
    <message>
        <source>extended grace</source>
        <translation>延长宽限期</translation>
    </message>
    <message>
        <source>unknown (ospp.vbs could not name the state)</source>
        <translation>未知（ospp.vbs 无法识别该状态）</translation>
    </message>
    <message>
        <source>Active Directory only</source>
        <translation>仅 Active Directory</translation>
    </message>
    <message>
        <source>KMS only</source>
        <translation>仅 KMS</translation>
    </message>
    <message>
        <source>token only</source>
        <translation>仅令牌</translation>
    </message>
    <message>
        <source>any (Active Directory, KMS or token)</source>
        <translation>任意（Active Directory、KMS 或令牌）</translation>
    </message>
    <message>
        <source>Activation type: {kind}</source>
        <translation>激活类型：{kind}</translation>
    </message>
    <message>
        <source>KMS lookup domain: {domain}</source>
        <translation>KMS 查找域：{domain}</translation>
    </message>
    <message>
        <source>Activated through Active Directory: activation object {name}</source>
        <translation>已通过 Active Directory 激活：激活对象 {name}</translation>
    </message>
    <message>
        <source>Activation object DN: {dn}</source>
        <translation>激活对象 DN：{dn}</translation>
    </message>
    <message>
        <source>{days} days ({minutes} min)</source>
        <translation>{days} 天（{minutes} 分钟）</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Error code</source>
        <translation>错误代码</translation>
    </message>
    <message>
        <source>Grace left</source>
        <translation>剩余宽限期</translation>
    </message>
    <message>
        <source>Key (last 5)</source>
        <translation>密钥（最后 5 位）</translation>
    </message>
    <message>
        <source>KMS host</source>
        <translation>KMS 主机</translation>
    </message>
    <message>
        <source>{code} (information only)</source>
        <translation>{code}（仅供参考）</translation>
    </message>
    <message>
        <source>{host} (set by hand)</source>
        <translation>{host}（手动指定）</translation>
    </message>
    <message>
        <source>Active Directory (no KMS host)</source>
        <translation>Active Directory（无 KMS 主机）</translation>
    </message>
    <message>
        <source>not found in DNS</source>
        <translation>DNS 中未找到</translation>
    </message>
    <message>
        <source>Product: {name}</source>
        <translation>产品：{name}</translation>
    </message>
</context>
<context>
    <name>advice</name>
    <message>
        <source>KMS hosts found, but none answered the KMS bind in time</source>
        <translation>找到了 KMS 主机，但没有一个及时应答 KMS 绑定</translation>
    </message>
    <message>
        <source>KMS is ready</source>
        <translation>KMS 已就绪</translation>
    </message>
    <message>
        <source>KMS hosts found (not contacted)</source>
        <translation>找到 KMS 主机（未测试连接）</translation>
    </message>
    <message>
        <source>KMS hosts found, but none speaks KMS</source>
        <translation>找到了 KMS 主机，但没有一个支持 KMS 协议</translation>
    </message>
    <message>
        <source>KMS hosts found, but none answers</source>
        <translation>找到 KMS 主机，但没有一个应答</translation>
    </message>
    <message>
        <source>No KMS host published in DNS</source>
        <translation>DNS 中未发布 KMS 主机</translation>
    </message>
    <message>
        <source>DNS could not be asked</source>
        <translation>无法查询 DNS</translation>
    </message>
    <message>
        <source>No DNS domain to search</source>
        <translation>没有可搜索的 DNS 域</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>nxdomain</source>
        <translation>名称不存在</translation>
    </message>
    <message>
        <source>no_answer</source>
        <translation>无记录</translation>
    </message>
    <message>
        <source>not_available</source>
        <translation>明确不提供</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>servfail</source>
        <translation>服务器失败</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>typed in</source>
        <translation>手动输入</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>主域</translation>
    </message>
    <message>
        <source>search-list</source>
        <translation>搜索列表</translation>
    </message>
    <message>
        <source>console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <source>The console uses {domain}: its one KMS host accepts connections, but it did not answer the KMS bind in time (busy, far away, or not KMS); the console&apos;s own ospp.vbs /act shows which.</source>
        <translation>控制台使用 {domain}：其唯一的 KMS 主机接受连接，但没有及时应答 KMS 绑定（繁忙、距离远或不是 KMS）；控制台自己的 ospp.vbs /act 会显示是哪一种。</translation>
    </message>
    <message>
        <source>The console uses {domain}: {reachable} of its {count} KMS host(s) accept connections, but none answered the KMS bind in time (busy, far away, or not KMS); the console&apos;s own ospp.vbs /act shows which.</source>
        <translation>控制台使用 {domain}：其 {count} 台 KMS 主机中有 {reachable} 台接受连接，但没有一台及时应答 KMS 绑定（繁忙、距离远或不是 KMS）；控制台自己的 ospp.vbs /act 会显示是哪一种。</translation>
    </message>
    <message>
        <source>The console uses {domain}: its one KMS host accepts connections, but it did not accept the KMS bind, so activation would fail (0xC004F074).</source>
        <translation>控制台使用 {domain}：其唯一的 KMS 主机接受连接，但不接受 KMS 绑定，因此激活将会失败 (0xC004F074)。</translation>
    </message>
    <message>
        <source>The console uses {domain}: {reachable} of its {count} KMS host(s) accept connections, but none accepted the KMS bind, so activation would fail (0xC004F074).</source>
        <translation>控制台使用 {domain}：其 {count} 个 KMS 主机中有 {reachable} 个接受连接，但没有一个接受 KMS 绑定，因此激活将会失败 (0xC004F074)。</translation>
    </message>
    <message>
        <source>The console uses {domain}: its one KMS host is published in DNS, but it did not accept a connection from this computer; a console that cannot reach it either fails to activate (0xC004F039 / 0xC004F074).</source>
        <translation>控制台使用 {domain}：其唯一的 KMS 主机已在 DNS 中发布，但不接受来自本计算机的连接；如果控制台同样无法连接它，激活将会失败 (0xC004F039 / 0xC004F074)。</translation>
    </message>
    <message>
        <source>The console uses {domain}: its {count} KMS host(s) are published in DNS, but none accepted a connection from this computer; a console that cannot reach them either fails to activate (0xC004F039 / 0xC004F074).</source>
        <translation>控制台使用 {domain}：其 {count} 个 KMS 主机已在 DNS 中发布，但没有一个接受来自本计算机的连接；如果控制台同样无法连接它们，激活将会失败 (0xC004F039 / 0xC004F074)。</translation>
    </message>
    <message>
        <source>One KMS host is published in DNS; the connection was not tested.</source>
        <translation>DNS 中发布了 1 个 KMS 主机；未测试连接。</translation>
    </message>
    <message>
        <source>{count} KMS host(s) are published in DNS; the connection was not tested.</source>
        <translation>DNS 中发布了 {count} 个 KMS 主机；未测试连接。</translation>
    </message>
    <message>
        <source>One KMS host is published in DNS, but it did not accept a connection, so activation would fail (0xC004F039 / 0xC004F074).</source>
        <translation>DNS 中发布了 1 个 KMS 主机，但它不接受连接，因此激活将会失败 (0xC004F039 / 0xC004F074)。</translation>
    </message>
    <message>
        <source>{count} KMS host(s) are published in DNS, but none accepted a connection, so activation would fail (0xC004F039 / 0xC004F074).</source>
        <translation>DNS 中发布了 {count} 个 KMS 主机，但没有一个接受连接，因此激活将会失败 (0xC004F039 / 0xC004F074)。</translation>
    </message>
    <message>
        <source>No domain publishes a _vlmcs._tcp SRV record, so the console will not find a KMS host (0x8007232B).</source>
        <translation>没有任何域发布 _vlmcs._tcp SRV 记录，因此控制台找不到 KMS 主机 (0x8007232B)。</translation>
    </message>
    <message>
        <source>No KMS host was found and some domains could not be asked; the DNS answer is unknown, not negative.</source>
        <translation>未找到 KMS 主机，且有些域无法查询；DNS 的答案未知，而不是否定。</translation>
    </message>
    <message>
        <source>This machine has no DNS domain or search list, so a KMS client has nowhere to look (0x8007007B).</source>
        <translation>此计算机没有 DNS 域或搜索列表，因此 KMS 客户端无处查找 (0x8007007B)。</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>srs-wizard: there is no display to open the wizard window on. Run it on the console&apos;s desktop, or use a command such as srs-wizard check-kms (see srs-wizard --help).</source>
        <translation>srs-wizard：没有可以打开向导窗口的显示器。请在控制台的桌面上运行，或使用命令，例如 srs-wizard check-kms（参见 srs-wizard --help）。</translation>
    </message>
    <message>
        <source>srs-wizard: the wizard window cannot open: Qt&apos;s X11 platform plugin needs libraries this system does not have: {libraries}. Install the packages that provide them (on Debian or Ubuntu, apt-file search {first} names the package); commands such as srs-wizard check-kms work without them.</source>
        <translation>srs-wizard：无法打开向导窗口：Qt 的 X11 平台插件需要本系统缺少的库：{libraries}。请安装提供这些库的软件包（在 Debian 或 Ubuntu 上，apt-file search {first} 可查出软件包名）；srs-wizard check-kms 等命令无需这些库即可运行。</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>see --help</source>
        <translation>参见 --help</translation>
    </message>
    <message>
        <source>Find out how a Skype Room System gets its Skype for Business volume license. Without a command the wizard window opens.</source>
        <translation>查明 Skype 会议室系统如何获得 Skype for Business 批量许可证。不带命令时打开向导窗口。</translation>
    </message>
    <message>
        <source>print the version and exit</source>
        <translation>显示版本并退出</translation>
    </message>
    <message>
        <source>language of the output</source>
        <translation>输出的语言</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>find KMS hosts in DNS and test that they answer</source>
        <translation>在 DNS 中查找 KMS 主机并测试其是否应答</translation>
    </message>
    <message>
        <source>DNS domain to search (repeatable); default: this machine&apos;s</source>
        <translation>要搜索的 DNS 域（可重复）；默认：本机的域</translation>
    </message>
    <message>
        <source>DNS server to ask (repeatable); IPv6 as [addr]:port</source>
        <translation>要询问的 DNS 服务器（可重复）；IPv6 写作 [地址]:端口</translation>
    </message>
    <message>
        <source>overall DNS time budget in seconds (default 5)</source>
        <translation>DNS 总时间预算（秒，默认 5）</translation>
    </message>
    <message>
        <source>TCP connect timeout in seconds (default 2)</source>
        <translation>TCP 连接超时（秒，默认 2）</translation>
    </message>
    <message>
        <source>do not test TCP connections to the hosts</source>
        <translation>不测试到主机的 TCP 连接</translation>
    </message>
    <message>
        <source>connect, but do not ask the hosts for the KMS interface (RPC bind)</source>
        <translation>建立连接，但不向主机请求 KMS 接口（RPC 绑定）</translation>
    </message>
    <message>
        <source>a KMS host the customer runs (repeatable); others are flagged</source>
        <translation>客户运行的 KMS 主机（可重复）；其他主机会被标记</translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation>输出 JSON</translation>
    </message>
    <message>
        <source>use the DNS servers and suffixes (in order) of a console report written by srs-collect.cmd; --nameserver still wins</source>
        <translation>使用 srs-collect.cmd 写下的控制台报告中的 DNS 服务器和后缀（按其顺序）；--nameserver 仍然优先</translation>
    </message>
    <message>
        <source>check a product key (MAK) offline</source>
        <translation>离线检查产品密钥 (MAK)</translation>
    </message>
    <message>
        <source>the key (prefer --stdin: it stays out of shell history)</source>
        <translation>密钥（建议用 --stdin：这样不会留在 shell 历史中）</translation>
    </message>
    <message>
        <source>read the key from standard input</source>
        <translation>从标准输入读取密钥</translation>
    </message>
    <message>
        <source>input too long: a product key is 25 characters (at most {limit} bytes are read)</source>
        <translation>输入太长：产品密钥只有 25 个字符（最多读取 {limit} 字节）</translation>
    </message>
    <message>
        <source>write the collector (srs-collect.cmd) to run on a Windows 7 console</source>
        <translation>写出在 Windows 7 控制台上运行的收集脚本 (srs-collect.cmd)</translation>
    </message>
    <message>
        <source>folder to write it to (default: the current folder)</source>
        <translation>写入的文件夹（默认：当前文件夹）</translation>
    </message>
    <message>
        <source>render a saved session record as a PDF</source>
        <translation>将保存的会话记录生成为 PDF</translation>
    </message>
    <message>
        <source>print the validated record</source>
        <translation>输出已验证的记录</translation>
    </message>
    <message>
        <source>one report of many rooms from their saved records</source>
        <translation>用多个会议室保存的记录生成一份报告</translation>
    </message>
    <message>
        <source>write the report as a PDF</source>
        <translation>将报告写为 PDF</translation>
    </message>
    <message>
        <source>write the rooms as CSV (for Excel)</source>
        <translation>将会议室列表写为 CSV（用于 Excel）</translation>
    </message>
    <message>
        <source>print the rooms and totals as JSON</source>
        <translation>以 JSON 输出会议室列表和合计</translation>
    </message>
    <message>
        <source>no progress line on standard error while reading</source>
        <translation>读取时不在标准错误输出上显示进度行</translation>
    </message>
    <message>
        <source>no session record or console report could be read</source>
        <translation>没有能读取的会话记录或控制台报告</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>connect timeout</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <source>cannot write to standard output: {reason}</source>
        <translation>无法写入标准输出：{reason}</translation>
    </message>
    <message>
        <source>{path} is not a usable console report:</source>
        <translation>{path} 不是可用的控制台报告：</translation>
    </message>
    <message>
        <source>The console report lists no DNS suffix: the console searches no domain for its KMS host.</source>
        <translation>控制台报告中没有 DNS 后缀：控制台不会在任何 DNS 域中查找其 KMS 主机。</translation>
    </message>
    <message>
        <source>The console report names no DNS server; give one with --nameserver.</source>
        <translation>控制台报告中没有 DNS 服务器；请用 --nameserver 指定一个。</translation>
    </message>
    <message>
        <source>cannot write to {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>Wrote {files} to {folder}</source>
        <translation>已将 {files} 写入 {folder}</translation>
    </message>
    <message>
        <source>On the console, double-click {script} (or run it from an administrator command prompt for the license state); it writes its report beside itself.</source>
        <translation>在控制台上双击 {script}（若要包含许可证状态，请在管理员命令提示符中运行）；它会把报告写在自己旁边。</translation>
    </message>
    <message>
        <source>no key given: use --stdin (recommended) or pass the key</source>
        <translation>未给出密钥：请使用 --stdin（推荐）或直接传入密钥</translation>
    </message>
    <message>
        <source>the key is empty</source>
        <translation>密钥为空</translation>
    </message>
    <message>
        <source>say where to write the PDF with -o OUT.pdf, or use --json</source>
        <translation>请用 -o OUT.pdf 指定 PDF 的写入位置，或使用 --json</translation>
    </message>
    <message>
        <source>srs-wizard: unknown command &apos;{command}&apos;</source>
        <translation>srs-wizard：未知命令 &apos;{command}&apos;</translation>
    </message>
    <message>
        <source>(did you mean &apos;{command}&apos;?)</source>
        <translation>（您是否想输入 &apos;{command}&apos;？）</translation>
    </message>
    <message>
        <source>Commands: {commands}. Without a command the wizard window opens; see srs-wizard --help.</source>
        <translation>命令：{commands}。不带命令时打开向导窗口；参见 srs-wizard --help。</translation>
    </message>
    <message>
        <source>read the console&apos;s ospp.vbs /dstatus or /act output</source>
        <translation>读取控制台上 ospp.vbs /dstatus 或 /act 的输出</translation>
    </message>
    <message>
        <source>a file with the output, or - (the default) for standard input</source>
        <translation>含有输出的文件，或 -（默认）表示标准输入</translation>
    </message>
    <message>
        <source>the last 5 characters of the MAK: the installed key must end so</source>
        <translation>MAK 的最后 5 个字符：已安装的密钥必须以此结尾</translation>
    </message>
    <message>
        <source>take the /dstatus output from a console report written by srs-collect.cmd (instead of FILE)</source>
        <translation>从 srs-collect.cmd 写出的控制台报告中取 /dstatus 输出（代替 FILE）</translation>
    </message>
    <message>
        <source>--expect-last5 takes the last 5 characters of the key, for example 7RQ2K</source>
        <translation>--expect-last5 需要密钥的最后 5 个字符，例如 7RQ2K</translation>
    </message>
    <message>
        <source>{path} holds no ospp.vbs /dstatus output</source>
        <translation>{path} 中没有 ospp.vbs /dstatus 输出</translation>
    </message>
    <message>
        <source>: {reasons}</source>
        <translation>：{reasons}</translation>
    </message>
    <message>
        <source>standard input</source>
        <translation>标准输入</translation>
    </message>
    <message>
        <source>{path} is larger than 1 MB: not an ospp.vbs answer</source>
        <translation>{path} 大于 1 MB：不是 ospp.vbs 的输出</translation>
    </message>
    <message>
        <source>{path} is not text: not an ospp.vbs answer</source>
        <translation>{path} 不是文本：不是 ospp.vbs 的输出</translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} is not a valid session record:</source>
        <translation>{path} 不是有效的会话记录：</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>已写入 {path}</translation>
    </message>
    <message>
        <source>say where to write the report with -o OUT.pdf or --csv OUT.csv, or use --json</source>
        <translation>请用 -o OUT.pdf 或 --csv OUT.csv 指定报告的写入位置，或使用 --json</translation>
    </message>
    <message>
        <source>session records and console reports: files or folders (searched for *.json)</source>
        <translation>会话记录和控制台报告：文件或文件夹（在其中查找 *.json）</translation>
    </message>
    <message>
        <source>not included: {path}: {problem}</source>
        <translation>未包括：{path}：{problem}</translation>
    </message>
</context>
<context>
    <name>console</name>
    <message>
        <source>the file is larger than {limit} bytes; a console report is much smaller</source>
        <translation>文件大于 {limit} 字节；控制台报告要小得多</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>the file is neither UTF-8 nor UTF-16 text (byte {position})</source>
        <translation>文件既不是 UTF-8 也不是 UTF-16 文本（第 {position} 字节）</translation>
    </message>
    <message>
        <source>the file is not complete JSON (line {line}, column {column}); was it cut short?</source>
        <translation>文件不是完整的 JSON（第 {line} 行，第 {column} 列）；是否被截断了？</translation>
    </message>
    <message>
        <source>the file is not valid JSON</source>
        <translation>文件不是有效的 JSON</translation>
    </message>
    <message>
        <source>the file holds no report object</source>
        <translation>文件中没有报告对象</translation>
    </message>
    <message>
        <source>not a console report written by srs-collect.cmd (expected schema {expected})</source>
        <translation>不是 srs-collect.cmd 写下的控制台报告（应为 schema {expected}）</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>expected {expected}</source>
        <translation>应为{expected}</translation>
    </message>
    <message>
        <source>longer than {limit} characters</source>
        <translation>超过 {limit} 个字符</translation>
    </message>
    <message>
        <source>more than {limit} entries</source>
        <translation>超过 {limit} 项</translation>
    </message>
    <message>
        <source>lists and objects are nested more than {limit} deep; a console report is four levels deep</source>
        <translation>列表和对象嵌套超过 {limit} 层；控制台报告只有四层</translation>
    </message>
    <message>
        <source>not a date and time (ISO 8601)</source>
        <translation>不是日期和时间 (ISO 8601)</translation>
    </message>
    <message>
        <source>contains control characters</source>
        <translation>包含控制字符</translation>
    </message>
    <message>
        <source>held a whole product key; only its last 5 characters are kept</source>
        <translation>含有完整的产品密钥；只保留其最后 5 个字符</translation>
    </message>
    <message>
        <source>a DNS suffix is not a valid DNS name and is left out</source>
        <translation>某个 DNS 后缀不是有效的 DNS 名称，已略去</translation>
    </message>
    <message>
        <source>not an IP address; this DNS server is left out</source>
        <translation>不是 IP 地址；此 DNS 服务器已略去</translation>
    </message>
    <message>
        <source>the time has no UTC offset</source>
        <translation>时间没有 UTC 偏移</translation>
    </message>
    <message>
        <source>the order the collector wrote differs from the order its registry facts give; the registry order is used</source>
        <translation>收集脚本写下的顺序与注册表数据得出的顺序不同；采用注册表得出的顺序</translation>
    </message>
    <message>
        <source>the file is cut short: it ends in the middle of a character (byte {position}); was it copied completely?</source>
        <translation>文件不完整：它在一个字符的中间结束（第 {position} 字节）；是否完整复制了？</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>真/假 (true/false)</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>nslookup is not on the console, so it could not ask its own DNS servers</source>
        <translation>控制台上没有 nslookup，因此无法询问它自己的 DNS 服务器</translation>
    </message>
    <message>
        <source>no Office ospp.vbs was found, so the license state was not read</source>
        <translation>未找到 Office 的 ospp.vbs，因此未读取许可证状态</translation>
    </message>
    <message>
        <source>the collector did not run as administrator; ospp.vbs /dstatus may have been refused</source>
        <translation>收集脚本未以管理员身份运行；ospp.vbs /dstatus 可能被拒绝</translation>
    </message>
    <message>
        <source>it could not tell whether it ran as administrator</source>
        <translation>无法判断是否以管理员身份运行</translation>
    </message>
    <message>
        <source>an nslookup did not finish in time</source>
        <translation>有一次 nslookup 未在时限内结束</translation>
    </message>
    <message>
        <source>nslookup could not be started</source>
        <translation>无法启动 nslookup</translation>
    </message>
    <message>
        <source>ospp.vbs /dstatus did not finish in time</source>
        <translation>ospp.vbs /dstatus 未在时限内结束</translation>
    </message>
    <message>
        <source>ospp.vbs /dstatus could not be started</source>
        <translation>无法启动 ospp.vbs /dstatus</translation>
    </message>
    <message>
        <source>ospp.vbs /dinstid did not finish in time</source>
        <translation>ospp.vbs /dinstid 未能及时完成</translation>
    </message>
    <message>
        <source>ospp.vbs /dinstid could not be started</source>
        <translation>无法启动 ospp.vbs /dinstid</translation>
    </message>
    <message>
        <source>a suffix that is not a plain DNS name was not looked up</source>
        <translation>某个不是普通 DNS 名称的后缀未被查询</translation>
    </message>
    <message>
        <source>no network adapter has a DNS server</source>
        <translation>没有任何网络适配器设置了 DNS 服务器</translation>
    </message>
    <message>
        <source>the console searches no DNS suffix (activation fails with 0x8007232B)</source>
        <translation>控制台不搜索任何 DNS 后缀（激活会以 0x8007232B 失败）</translation>
    </message>
    <message>
        <source>the report could not be written whole in the chosen folder (read-only, full or unreachable); it was written to %TEMP%</source>
        <translation>无法在所选文件夹中完整写入报告（只读、已满或无法访问）；报告已写入 %TEMP%</translation>
    </message>
    <message>
        <source>the folder let the collector create its temporary file but not rename or remove it; that file is left there</source>
        <translation>该文件夹允许收集器创建临时文件，但不允许重命名或删除它；该文件留在那里</translation>
    </message>
    <message>
        <source>the computer name was not set</source>
        <translation>未设置计算机名</translation>
    </message>
    <message>
        <source>domain membership could not be read</source>
        <translation>无法读取域成员身份</translation>
    </message>
    <message>
        <source>the time zone could not be read</source>
        <translation>无法读取时区</translation>
    </message>
    <message>
        <source>WMI could not be used</source>
        <translation>无法使用 WMI</translation>
    </message>
    <message>
        <source>the network adapters could not be listed</source>
        <translation>无法列出网络适配器</translation>
    </message>
    <message>
        <source>ospp.vbs did not end in time (it may have been waiting for a click on a window), so the collector ended its cscript process</source>
        <translation>ospp.vbs 未按时结束（可能在等待有人点击某个窗口），因此收集脚本结束了它的 cscript 进程</translation>
    </message>
    <message>
        <source>ospp.vbs did not end in time and its cscript process could not be ended; it may still run on the console</source>
        <translation>ospp.vbs 未按时结束，且无法结束它的 cscript 进程；它可能仍在控制台上运行</translation>
    </message>
    <message>
        <source>ospp.vbs /dhistorykms did not finish in time</source>
        <translation>ospp.vbs /dhistorykms 未按时完成</translation>
    </message>
    <message>
        <source>ospp.vbs /dhistorykms could not be started</source>
        <translation>无法启动 ospp.vbs /dhistorykms</translation>
    </message>
    <message>
        <source>{time} (time zone unknown)</source>
        <translation>{time}（时区未知）</translation>
    </message>
    <message>
        <source>collected on the console {computer} at {time}</source>
        <translation>于 {time} 在控制台 {computer} 上收集</translation>
    </message>
    <message>
        <source>the search list set by group policy</source>
        <translation>组策略设置的 DNS 后缀搜索列表</translation>
    </message>
    <message>
        <source>the search list set on the console</source>
        <translation>控制台上设置的 DNS 后缀搜索列表</translation>
    </message>
    <message>
        <source>the primary suffix, the adapters&apos; suffixes and devolution</source>
        <translation>主 DNS 后缀、各适配器的后缀以及逐级上溯（devolution）</translation>
    </message>
    <message>
        <source>only if the console devolves</source>
        <translation>仅当控制台逐级上溯时</translation>
    </message>
    <message>
        <source>{suffix} ({mark})</source>
        <translation>{suffix}（{mark}）</translation>
    </message>
    <message>
        <source>Searched only if the console devolves (a devolved parent of its primary suffix): {suffixes}</source>
        <translation>仅当控制台逐级上溯时才搜索（其主 DNS 后缀逐级上溯得到的父域）：{suffixes}</translation>
    </message>
    <message>
        <source>group policy</source>
        <translation>组策略</translation>
    </message>
    <message>
        <source>set on the console</source>
        <translation>在控制台上设置</translation>
    </message>
    <message>
        <source>the configured primary suffix (NV Domain)</source>
        <translation>配置的主 DNS 后缀（NV Domain）</translation>
    </message>
    <message>
        <source>each adapter&apos;s own</source>
        <translation>各适配器自己的设置</translation>
    </message>
    <message>
        <source>Windows&apos; default</source>
        <translation>Windows 默认值</translation>
    </message>
    <message>
        <source>off: a search list set by group policy is used alone</source>
        <translation>关闭：只使用组策略设置的 DNS 后缀搜索列表</translation>
    </message>
    <message>
        <source>off: the search list is used alone</source>
        <translation>关闭：只使用 DNS 后缀搜索列表</translation>
    </message>
    <message>
        <source>Primary suffix: {suffix} ({source})</source>
        <translation>主 DNS 后缀：{suffix}（{source}）</translation>
    </message>
    <message>
        <source>Adapters&apos; suffixes: {suffixes} ({source})</source>
        <translation>适配器的后缀：{suffixes}（{source}）</translation>
    </message>
    <message>
        <source>Search list: {source}</source>
        <translation>DNS 后缀搜索列表：{source}</translation>
    </message>
    <message>
        <source>Devolution: on ({source}), to parents of at least {level} labels (level: {level_source}); Microsoft documents devolution for single-label names, so a devolved parent is searched only if the console devolves</source>
        <translation>逐级上溯：开启（{source}），上溯到至少 {level} 级标签的父域（级别：{level_source}）；Microsoft 只为单标签名称记载了逐级上溯，因此只有当控制台逐级上溯时才会搜索上溯得到的父域</translation>
    </message>
    <message>
        <source>Devolution: {source}</source>
        <translation>逐级上溯：{source}</translation>
    </message>
    <message>
        <source>Devolution: off ({source})</source>
        <translation>逐级上溯：关闭（{source}）</translation>
    </message>
    <message>
        <source>DNS servers from: {source}</source>
        <translation>DNS 服务器来自：{source}</translation>
    </message>
    <message>
        <source>DNS view {line}:</source>
        <translation>DNS 视图（{line}）：</translation>
    </message>
    <message>
        <source>Suffix order: {suffixes} (from {source})</source>
        <translation>后缀顺序：{suffixes}（来自{source}）</translation>
    </message>
    <message>
        <source>DNS servers: {servers}</source>
        <translation>DNS 服务器：{servers}</translation>
    </message>
    <message>
        <source>KMS host set by hand in the registry: {host} ({key}); DNS discovery is off while it is set</source>
        <translation>注册表中手动设置的 KMS 主机：{host}（{key}）；设置期间 DNS 自动发现处于关闭状态</translation>
    </message>
    <message>
        <source>Not collected: {reason}</source>
        <translation>未收集：{reason}</translation>
    </message>
    <message>
        <source>{domain}: ours: {status}</source>
        <translation>{domain}：本机查询：{status}</translation>
    </message>
    <message>
        <source>the console&apos;s nslookup: not collected</source>
        <translation>控制台的 nslookup：未收集</translation>
    </message>
    <message>
        <source>the console&apos;s nslookup:</source>
        <translation>控制台的 nslookup：</translation>
    </message>
    <message>
        <source>Console report</source>
        <translation>控制台报告</translation>
    </message>
</context>
<context>
    <name>files</name>
    <message>
        <source>it is a device</source>
        <translation>这是一个设备</translation>
    </message>
    <message>
        <source>it is a named pipe (FIFO)</source>
        <translation>这是一个命名管道 (FIFO)</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>这是一个文件夹</translation>
    </message>
    <message>
        <source>it is a socket</source>
        <translation>这是一个套接字</translation>
    </message>
    <message>
        <source>it is a special file</source>
        <translation>这是一个特殊文件</translation>
    </message>
    <message>
        <source>not a regular file ({what})</source>
        <translation>不是普通文件（{what}）</translation>
    </message>
    <message>
        <source>not a regular file ({what}); choose a file name</source>
        <translation>不是普通文件（{what}）；请选择一个文件名</translation>
    </message>
    <message>
        <source>larger than {count} MB</source>
        <translation>大于 {count} MB</translation>
    </message>
    <message>
        <source>larger than {count} bytes</source>
        <translation>大于 {count} 字节</translation>
    </message>
    <message>
        <source>the same file as the other output {path}; choose another name</source>
        <translation>与另一个输出 {path} 是同一个文件；请换一个文件名</translation>
    </message>
    <message>
        <source>the same file as the input {path}; writing it would destroy it</source>
        <translation>与输入文件 {path} 是同一个文件；写入会毁掉它</translation>
    </message>
</context>
<context>
    <name>judge</name>
    <message>
        <source>the console&apos;s own ospp.vbs answer</source>
        <translation>控制台自己的 ospp.vbs 回答</translation>
    </message>
    <message>
        <source>the console&apos;s KMS client (ospp.vbs /dstatus)</source>
        <translation>控制台的 KMS 客户端（ospp.vbs /dstatus）</translation>
    </message>
    <message>
        <source>the console&apos;s own nslookup</source>
        <translation>控制台自己的 nslookup</translation>
    </message>
    <message>
        <source>this computer&apos;s KMS check</source>
        <translation>本计算机的 KMS 检查</translation>
    </message>
    <message>
        <source>the checks made here</source>
        <translation>在此处所做的检查</translation>
    </message>
    <message>
        <source>nothing checked</source>
        <translation>未检查任何内容</translation>
    </message>
    <message>
        <source>Office 2013 licensed; Lync 2013 not shown</source>
        <translation>Office 2013 已获得许可；未显示 Lync 2013</translation>
    </message>
    <message>
        <source>KMS: {verdict}</source>
        <translation>KMS：{verdict}</translation>
    </message>
    <message>
        <source>KMS: the console&apos;s own DNS answer names a KMS host</source>
        <translation>KMS：控制台自己的 DNS 回答给出了一台 KMS 主机</translation>
    </message>
    <message>
        <source>KMS: the console&apos;s own DNS answer names no KMS host</source>
        <translation>KMS：控制台自己的 DNS 回答没有给出 KMS 主机</translation>
    </message>
    <message>
        <source>MAK: the offline checks passed</source>
        <translation>MAK：已通过离线检查</translation>
    </message>
    <message>
        <source>MAK: the key does not pass the checks</source>
        <translation>MAK：密钥未通过检查</translation>
    </message>
    <message>
        <source>Decided by {evidence}.</source>
        <translation>依据：{evidence}。</translation>
    </message>
    <message>
        <source>Warning: KMS host(s) not on the expected list: {hosts}. This may be a rogue KMS host: every _vlmcs record should be a host the customer runs; remove the others.</source>
        <translation>警告：不在预期列表中的 KMS 主机：{hosts}。这可能是非法 KMS 主机：每条 _vlmcs 记录都应是客户运行的主机；请删除其他记录。</translation>
    </message>
    <message>
        <source>Warning: the console uses the KMS host {host}, which is not one the customer runs (a rogue KMS host or a wrong override).</source>
        <translation>警告：控制台使用的 KMS 主机 {host} 不是客户运行的主机（非法 KMS 主机或错误的手动设置）。</translation>
    </message>
    <message>
        <source>The console&apos;s own answer: {answer}.</source>
        <translation>控制台自己的回答：{answer}。</translation>
    </message>
    <message>
        <source>The console&apos;s KMS client found {host} in DNS (ospp.vbs /dstatus: KMS machine name from DNS).</source>
        <translation>控制台的 KMS 客户端在 DNS 中找到了 {host}（ospp.vbs /dstatus：KMS machine name from DNS）。</translation>
    </message>
    <message>
        <source>The console&apos;s KMS client found no KMS host in DNS (ospp.vbs /dstatus: KMS name not available).</source>
        <translation>控制台的 KMS 客户端在 DNS 中没有找到 KMS 主机（ospp.vbs /dstatus：KMS name not available）。</translation>
    </message>
    <message>
        <source>The console&apos;s own nslookup found {hosts} for _vlmcs._tcp.{domain}.</source>
        <translation>控制台自己的 nslookup 为 _vlmcs._tcp.{domain} 找到了 {hosts}。</translation>
    </message>
    <message>
        <source>The console&apos;s own nslookup found no _vlmcs._tcp record in {domains}.</source>
        <translation>控制台自己的 nslookup 在 {domains} 中没有找到 _vlmcs._tcp 记录。</translation>
    </message>
    <message>
        <source>Proof of discovery: the host the console&apos;s KMS client found, {host}, is one of the hosts this computer found for {domain}.</source>
        <translation>发现证明：控制台的 KMS 客户端找到的主机 {host} 是本计算机为 {domain} 找到的主机之一。</translation>
    </message>
    <message>
        <source>The console&apos;s KMS client found {host}, which is not among the hosts this computer found for {domain} ({hosts}).</source>
        <translation>控制台的 KMS 客户端找到了 {host}，它不在本计算机为 {domain} 找到的主机（{hosts}）之中。</translation>
    </message>
    <message>
        <source>This computer&apos;s KMS check: {verdict}.</source>
        <translation>本计算机的 KMS 检查：{verdict}。</translation>
    </message>
    <message>
        <source>The console uses a KMS host set by hand: {host} (DNS discovery is off until /remhst).</source>
        <translation>控制台使用手动设置的 KMS 主机：{host}（在运行 /remhst 之前不通过 DNS 查找）。</translation>
    </message>
    <message>
        <source>The console&apos;s own lookup found {hosts} for {domain}; this computer could not ({here}): check from the console&apos;s network.</source>
        <translation>控制台自己的查询为 {domain} 找到了 {hosts}；本计算机没有找到（{here}）：请从控制台所在的网络检查。</translation>
    </message>
    <message>
        <source>The console&apos;s KMS client found {hosts}; this computer could not ({here}): check from the console&apos;s network.</source>
        <translation>控制台的 KMS 客户端找到了 {hosts}；本计算机没有找到（{here}）：请从控制台所在的网络检查。</translation>
    </message>
    <message>
        <source>This computer found {hosts} for {domain}, but the console&apos;s own KMS client did not find it (ospp.vbs /dstatus: KMS name not available).</source>
        <translation>本计算机为 {domain} 找到了 {hosts}，但控制台自己的 KMS 客户端没有找到它（ospp.vbs /dstatus：KMS name not available）。</translation>
    </message>
    <message>
        <source>This computer found {hosts} for {domain}, but the console&apos;s own nslookup found no _vlmcs._tcp record: the console does not see it.</source>
        <translation>本计算机为 {domain} 找到了 {hosts}，但控制台自己的 nslookup 没有找到 _vlmcs._tcp 记录：控制台看不到它。</translation>
    </message>
    <message>
        <source>Note: the console&apos;s key ends in {found}, not like the MAK typed here ({expected}).</source>
        <translation>注意：控制台上的密钥以 {found} 结尾，与此处输入的 MAK（{expected}）不同。</translation>
    </message>
    <message>
        <source>A promotional MAK was chosen because the KMS check said: {verdict}.</source>
        <translation>选择促销 MAK 的原因是 KMS 检查的结果：{verdict}。</translation>
    </message>
    <message>
        <source>A promotional MAK was chosen at the start (Office 365 without VLSC access).</source>
        <translation>一开始就选择了促销 MAK（没有 VLSC 访问权限的 Office 365）。</translation>
    </message>
    <message>
        <source>A MAK was chosen because the KMS check said: {verdict}.</source>
        <translation>选择 MAK 的原因是 KMS 检查的结果：{verdict}。</translation>
    </message>
    <message>
        <source>KMS not checked: the technician went on without a check.</source>
        <translation>未检查 KMS：技术人员未做检查就继续了。</translation>
    </message>
    <message>
        <source>Check the SRV record, TCP port {port} on the KMS host&apos;s firewall and the console&apos;s DNS suffix (the Application log, event 12288, and cscript ospp.vbs /dhistorykms show what the console tried).</source>
        <translation>请检查 SRV 记录、KMS 主机防火墙上的 TCP 端口 {port} 以及控制台的 DNS 后缀（应用程序日志中的事件 12288 和 cscript ospp.vbs /dhistorykms 会显示控制台尝试过什么）。</translation>
    </message>
    <message>
        <source>Open TCP port {port} on the KMS host&apos;s firewall, or remove a stale SRV record.</source>
        <translation>在 KMS 主机的防火墙上打开 TCP 端口 {port}，或删除过时的 SRV 记录。</translation>
    </message>
    <message>
        <source>Check that TCP port {port} is open and that the KMS service runs on the host.</source>
        <translation>请检查 TCP 端口 {port} 是否打开，以及 KMS 服务是否在主机上运行。</translation>
    </message>
    <message>
        <source>If {code} remains after that: {action}</source>
        <translation>如果之后仍出现 {code}：{action}</translation>
    </message>
    <message>
        <source>Nothing more to do on the console: keep this record with the customer.</source>
        <translation>控制台上无需再做任何事：请将此记录交给客户保存。</translation>
    </message>
    <message>
        <source>Make sure the Lync 2013 KMS client key {gvlk} is installed on the console (cscript ospp.vbs /inpkey:{gvlk}, then cscript ospp.vbs /act).</source>
        <translation>请确保控制台上已安装 Lync 2013 KMS 客户端密钥 {gvlk}（cscript ospp.vbs /inpkey:{gvlk}，然后 cscript ospp.vbs /act）。</translation>
    </message>
    <message>
        <source>Install the MAK typed here (ending in {last5}) with cscript ospp.vbs /inpkey:&lt;MAK&gt;, then run cscript ospp.vbs /act.</source>
        <translation>用 cscript ospp.vbs /inpkey:&lt;MAK&gt; 安装此处输入的 MAK（以 {last5} 结尾），然后运行 cscript ospp.vbs /act。</translation>
    </message>
    <message>
        <source>Install the MAK with cscript ospp.vbs /inpkey:&lt;MAK&gt;, then run cscript ospp.vbs /act.</source>
        <translation>用 cscript ospp.vbs /inpkey:&lt;MAK&gt; 安装 MAK，然后运行 cscript ospp.vbs /act。</translation>
    </message>
    <message>
        <source>Run cscript ospp.vbs /act (the console needs internet, or activate by phone).</source>
        <translation>运行 cscript ospp.vbs /act（控制台需要连接互联网，或通过电话激活）。</translation>
    </message>
    <message>
        <source>Run cscript ospp.vbs /act.</source>
        <translation>运行 cscript ospp.vbs /act。</translation>
    </message>
    <message>
        <source>Check the result on the console with cscript ospp.vbs /dstatus.</source>
        <translation>在控制台上用 cscript ospp.vbs /dstatus 检查结果。</translation>
    </message>
    <message>
        <source>The KMS host activates Office clients only once it has counted 5 or more of them (0xC004F038 until then).</source>
        <translation>KMS 主机只有在统计到 5 个或更多 Office 客户端后才会激活它们（在此之前为 0xC004F038）。</translation>
    </message>
    <message>
        <source>The console stops at {used}; {host} in {domain} would answer: remove the stale record from {used}, or put {domain} first in the console&apos;s DNS suffix search list.</source>
        <translation>控制台停在 {used}；{domain} 中的 {host} 会应答：请从 {used} 中删除过时的记录，或在控制台的 DNS 后缀搜索列表中把 {domain} 放在最前面。</translation>
    </message>
    <message>
        <source>Ask the customer&apos;s IT what listens on port {port} of {hosts}: it refused or did not understand the KMS bind. Remove the SRV records of hosts that no longer run KMS.</source>
        <translation>请询问客户的 IT，{hosts} 的端口 {port} 上运行的是什么：它拒绝了或无法理解 KMS 绑定。请删除已不再运行 KMS 的主机的 SRV 记录。</translation>
    </message>
    <message>
        <source>{hosts} accepted the connection on port {port} but did not answer the KMS bind within {seconds} s (busy, far away, or not KMS): ask the customer&apos;s IT whether it runs KMS, or check again with a longer connect timeout.</source>
        <translation>{hosts} 接受了端口 {port} 上的连接，但在 {seconds} 秒内没有应答 KMS 绑定（繁忙、距离远或不是 KMS）：请询问客户的 IT 是否运行 KMS，或用更长的连接超时再检查一次。</translation>
    </message>
    <message>
        <source>{hosts} accepted the connection on port {port} but did not answer the KMS bind in time (busy, far away, or not KMS): ask the customer&apos;s IT whether it runs KMS, or check again with a longer connect timeout.</source>
        <translation>{hosts} 接受了端口 {port} 上的连接，但没有及时应答 KMS 绑定（繁忙、距离远或不是 KMS）：请询问客户的 IT 是否运行 KMS，或用更长的连接超时再检查一次。</translation>
    </message>
    <message>
        <source>Run the check again with the connection test to be sure TCP port {port} is open.</source>
        <translation>请带连接测试再运行一次检查，以确认 TCP 端口 {port} 是打开的。</translation>
    </message>
    <message>
        <source>Open TCP port {port} from the console to {hosts} (firewalls on the host and in the network).</source>
        <translation>打开从控制台到 {hosts} 的 TCP 端口 {port}（主机上和网络中的防火墙）。</translation>
    </message>
    <message>
        <source>Remove SRV records of hosts that no longer exist: a stale record sends clients to a dead host (0x800706BA).</source>
        <translation>删除已不存在主机的 SRV 记录：过时的记录会把客户端引向失效的主机 (0x800706BA)。</translation>
    </message>
    <message>
        <source>As a workaround, point Office at a working host: cscript ospp.vbs /sethst:HOST and /setprt:{port}, then /act. This turns off finding the host in DNS until cscript ospp.vbs /remhst.</source>
        <translation>临时解决办法：让 Office 指向一台可用的主机：cscript ospp.vbs /sethst:HOST 和 /setprt:{port}，然后 /act。这会关闭通过 DNS 查找主机，直到运行 cscript ospp.vbs /remhst。</translation>
    </message>
    <message>
        <source>As a workaround, point Office at the host directly: cscript ospp.vbs /sethst:HOST, then /act. This turns off finding the host in DNS until cscript ospp.vbs /remhst.</source>
        <translation>临时解决办法：让 Office 直接指向该主机：cscript ospp.vbs /sethst:HOST，然后 /act。这会关闭通过 DNS 查找主机，直到运行 cscript ospp.vbs /remhst。</translation>
    </message>
    <message>
        <source>If the customer runs KMS, publish it: add an SRV record _vlmcs._tcp (port {port}, the KMS default, unless the host listens elsewhere) in the console&apos;s DNS domain, or add that domain to the console&apos;s DNS suffix search list.</source>
        <translation>如果客户运行 KMS，请发布它：在控制台的 DNS 域中添加 SRV 记录 _vlmcs._tcp（端口 {port}，即 KMS 的默认端口，除非主机监听其他端口），或将该域添加到控制台的 DNS 后缀搜索列表中。</translation>
    </message>
    <message>
        <source>Without KMS, use a MAK from the Volume Licensing Service Center, or ask the OEM for a promotional MAK (Office 365 without VLSC access).</source>
        <translation>没有 KMS 时，请使用来自批量许可服务中心的 MAK，或向 OEM 申请促销 MAK（没有 VLSC 访问权限的 Office 365）。</translation>
    </message>
    <message>
        <source>Check that the console uses the customer&apos;s DNS servers and that they answer (see each domain&apos;s status).</source>
        <translation>请检查控制台是否使用客户的 DNS 服务器，以及这些服务器是否应答（见各个域的状态）。</translation>
    </message>
    <message>
        <source>Run the check again once DNS answers.</source>
        <translation>DNS 应答后再检查一次。</translation>
    </message>
    <message>
        <source>Join the console to the domain, or set its primary DNS suffix (or the DHCP domain option 15), then check again.</source>
        <translation>将控制台加入域，或设置其主 DNS 后缀（或 DHCP 域选项 15），然后再检查。</translation>
    </message>
    <message>
        <source>Or type the customer&apos;s DNS domain in the check and run it again.</source>
        <translation>或在检查中输入客户的 DNS 域，然后再运行一次。</translation>
    </message>
    <message>
        <source>Check from the console&apos;s network: this computer does not see what the console sees ({hosts}). Run the KMS check on the console&apos;s network with the console&apos;s DNS server, or read the console&apos;s own answer with ospp.vbs /dstatus.</source>
        <translation>请从控制台所在的网络检查：本计算机看不到控制台看到的内容（{hosts}）。请在控制台所在的网络中用控制台的 DNS 服务器运行 KMS 检查，或用 ospp.vbs /dstatus 读取控制台自己的回答。</translation>
    </message>
    <message>
        <source>Make the console find {hosts}: give it the customer&apos;s DNS servers and the DNS suffix that publishes the record, then run cscript ospp.vbs /act and /dstatus on the console.</source>
        <translation>让控制台找到 {hosts}：为它设置客户的 DNS 服务器和发布该记录的 DNS 后缀，然后在控制台上运行 cscript ospp.vbs /act 和 /dstatus。</translation>
    </message>
    <message>
        <source>If the customer&apos;s KMS is found in DNS, run cscript ospp.vbs /remhst, then /act.</source>
        <translation>如果客户的 KMS 可以在 DNS 中找到，请运行 cscript ospp.vbs /remhst，然后运行 /act。</translation>
    </message>
    <message>
        <source>Remove the SRV record of {host}, or run cscript ospp.vbs /remhst if it was set by hand.</source>
        <translation>删除 {host} 的 SRV 记录；如果它是手动设置的，请运行 cscript ospp.vbs /remhst。</translation>
    </message>
    <message>
        <source>Ask the customer whether {host} is theirs: it is not among the hosts the KMS check found in DNS.</source>
        <translation>请询问客户 {host} 是否是他们的主机：它不在 KMS 检查在 DNS 中找到的主机之中。</translation>
    </message>
    <message>
        <source>The key typed is a public KMS client key (GVLK), not a MAK: type the MAK from VLSC (or the OEM&apos;s promotional MAK).</source>
        <translation>输入的密钥是公开的 KMS 客户端密钥 (GVLK)，不是 MAK：请输入来自 VLSC 的 MAK（或 OEM 的促销 MAK）。</translation>
    </message>
    <message>
        <source>Retype the MAK: it does not pass the offline checks.</source>
        <translation>请重新输入 MAK：它未通过离线检查。</translation>
    </message>
    <message>
        <source>Finish the VLSC checklist on the MAK page with the customer&apos;s IT.</source>
        <translation>请与客户的 IT 一起完成 MAK 页面上的 VLSC 检查清单。</translation>
    </message>
    <message>
        <source>Send the request to the OEM and keep their answer with this record.</source>
        <translation>将申请发送给 OEM，并将其答复与此记录一起保存。</translation>
    </message>
    <message>
        <source>When the MAK arrives, type it in the Skype Room System admin console (or cscript ospp.vbs /inpkey:&lt;MAK&gt;, then /act).</source>
        <translation>收到 MAK 后，在 Skype 会议室系统管理控制台中输入它（或 cscript ospp.vbs /inpkey:&lt;MAK&gt;，然后 /act）。</translation>
    </message>
    <message>
        <source>found {hosts}</source>
        <translation>找到 {hosts}</translation>
    </message>
    <message>
        <source>no such name (NXDOMAIN)</source>
        <translation>没有此名称 (NXDOMAIN)</translation>
    </message>
    <message>
        <source>no SRV record</source>
        <translation>没有 SRV 记录</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>not asked</source>
        <translation>未查询</translation>
    </message>
    <message>
        <source>answer not understood</source>
        <translation>无法理解的回答</translation>
    </message>
    <message>
        <source>Next steps:</source>
        <translation>后续步骤：</translation>
    </message>
</context>
<context>
    <name>kms</name>
    <message>
        <source>KMS SRV records found.</source>
        <translation>找到 KMS SRV 记录。</translation>
    </message>
    <message>
        <source>The name does not exist in DNS (NXDOMAIN).</source>
        <translation>DNS 中不存在此名称 (NXDOMAIN)。</translation>
    </message>
    <message>
        <source>The DNS server answered, but there is no _vlmcs._tcp SRV record.</source>
        <translation>DNS 服务器已应答，但没有 _vlmcs._tcp SRV 记录。</translation>
    </message>
    <message>
        <source>The domain says KMS is decidedly not available here (SRV target &quot;.&quot;).</source>
        <translation>该域声明此处明确不提供 KMS（SRV 目标为“.”）。</translation>
    </message>
    <message>
        <source>No answer from the DNS server in time (timeout).</source>
        <translation>DNS 服务器未及时应答（超时）。</translation>
    </message>
    <message>
        <source>The DNS server failed to answer (SERVFAIL).</source>
        <translation>DNS 服务器未能应答 (SERVFAIL)。</translation>
    </message>
    <message>
        <source>The DNS server refused the query (REFUSED).</source>
        <translation>DNS 服务器拒绝了查询 (REFUSED)。</translation>
    </message>
    <message>
        <source>The DNS query failed.</source>
        <translation>DNS 查询失败。</translation>
    </message>
    <message>
        <source>This computer&apos;s limit of open files was reached; check fewer domains at once, or close other programs and check again.</source>
        <translation>这台计算机已达到打开文件数的上限；请一次检查较少的域，或关闭其他程序后再检查。</translation>
    </message>
    <message>
        <source>The domain is empty.</source>
        <translation>域为空。</translation>
    </message>
    <message>
        <source>The domain &quot;{domain}&quot; is not a valid international name: {reason}</source>
        <translation>域“{domain}”不是有效的国际化名称：{reason}</translation>
    </message>
    <message>
        <source>The domain &quot;{domain}&quot; has an empty label (two dots in a row?).</source>
        <translation>域“{domain}”含有空标签（连续两个点？）。</translation>
    </message>
    <message>
        <source>The label &quot;{label}&quot; is longer than 63 characters.</source>
        <translation>标签“{label}”超过 63 个字符。</translation>
    </message>
    <message>
        <source>The domain &quot;{domain}&quot; contains characters DNS names cannot have: {chars}</source>
        <translation>域“{domain}”含有 DNS 名称不能包含的字符：{chars}</translation>
    </message>
    <message>
        <source>The domain is longer than 253 characters.</source>
        <translation>域超过 253 个字符。</translation>
    </message>
    <message>
        <source>The DNS server is empty.</source>
        <translation>DNS 服务器为空。</translation>
    </message>
    <message>
        <source>The DNS server &quot;{server}&quot; has no closing &quot;]&quot;.</source>
        <translation>DNS 服务器“{server}”缺少右方括号“]”。</translation>
    </message>
    <message>
        <source>Write an IPv6 DNS server as [address]:port.</source>
        <translation>IPv6 DNS 服务器请写作 [地址]:端口。</translation>
    </message>
    <message>
        <source>The DNS server port &quot;{port}&quot; is not a number from 1 to 65535.</source>
        <translation>DNS 服务器端口“{port}”不是 1 到 65535 之间的数字。</translation>
    </message>
    <message>
        <source>&quot;{server}&quot; is not a valid IPv4 address.</source>
        <translation>“{server}”不是有效的 IPv4 地址。</translation>
    </message>
    <message>
        <source>&quot;{server}&quot; is not a valid IPv6 address.</source>
        <translation>“{server}”不是有效的 IPv6 地址。</translation>
    </message>
    <message>
        <source>The DNS server name &quot;{server}&quot; could not be resolved; give its IP address.</source>
        <translation>无法解析 DNS 服务器名称“{server}”；请给出其 IP 地址。</translation>
    </message>
    <message>
        <source>The {what} &quot;{value}&quot; is not a number of seconds.</source>
        <translation>{what}“{value}”不是秒数。</translation>
    </message>
    <message>
        <source>The {what} must be more than 0 and at most 300 seconds, not {value}.</source>
        <translation>{what}必须大于 0 且不超过 300 秒，而不是 {value}。</translation>
    </message>
    <message>
        <source>The system DNS configuration has no DNS server: {reason}</source>
        <translation>系统 DNS 配置中没有 DNS 服务器：{reason}</translation>
    </message>
    <message>
        <source>The system DNS configuration could not be read: {reason}</source>
        <translation>无法读取系统 DNS 配置：{reason}</translation>
    </message>
    <message>
        <source>The DNS server sent a reply that is not a valid DNS message ({reason}).</source>
        <translation>DNS 服务器发送的应答不是有效的 DNS 消息（{reason}）。</translation>
    </message>
    <message>
        <source>The answer was too large for UDP and TCP failed: {reason}</source>
        <translation>应答对 UDP 来说太大，而 TCP 失败：{reason}</translation>
    </message>
    <message>
        <source>The DNS server answered with error {rcode}.</source>
        <translation>DNS 服务器应答了错误 {rcode}。</translation>
    </message>
    <message>
        <source>{count} KMS SRV record(s) found.</source>
        <translation>找到 {count} 条 KMS SRV 记录。</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>连接被拒绝</translation>
    </message>
    <message>
        <source>Expected KMS host &quot;{host}&quot;: {reason}</source>
        <translation>预期的 KMS 主机“{host}”：{reason}</translation>
    </message>
    <message>
        <source>No DNS server is configured.</source>
        <translation>未配置 DNS 服务器。</translation>
    </message>
    <message>
        <source>{total} KMS hosts were found; only the first {shown} are shown and checked.</source>
        <translation>共找到 {total} 个 KMS 主机；只显示并检查前 {shown} 个。</translation>
    </message>
    <message>
        <source>no IP address found for this host</source>
        <translation>未找到此主机的 IP 地址</translation>
    </message>
    <message>
        <source>The system DNS configuration could not be read.</source>
        <translation>无法读取系统 DNS 配置。</translation>
    </message>
    <message>
        <source>the connection failed</source>
        <translation>连接失败</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>{address}: {problem}</source>
        <translation>{address}：{problem}</translation>
    </message>
    <message>
        <source>The console stops at {used}: it uses the first DNS suffix whose answer holds records. {host} in {domain} would answer, but the console never gets there: remove the stale record from {used} or put {domain} first in the console&apos;s DNS suffix search list.</source>
        <translation>控制台停在 {used}：它使用第一个在应答中含有记录的 DNS 后缀。{domain} 中的 {host} 会应答，但控制台不会查到那里：请从 {used} 中删除过时的记录，或在控制台的 DNS 后缀搜索列表中把 {domain} 放在最前面。</translation>
    </message>
    <message>
        <source>KMS hosts, by DNS preference (priority, then weight)</source>
        <translation>KMS 主机（按 DNS 优先顺序：先优先级，后权重）</translation>
    </message>
    <message>
        <source>Office picks among the hosts of the domain it uses at random (honouring priority and weight when they are set) and keeps using the host that worked.</source>
        <translation>Office 在其所用域的主机中随机选择（设置了优先级和权重时会遵从它们），并继续使用已成功的主机。</translation>
    </message>
    <message>
        <source>Searching these domains in this order, the console uses the records of {domain}: the first whose answer holds records.</source>
        <translation>按此顺序搜索这些域时，控制台使用 {domain} 的记录：第一个应答中含有记录的域。</translation>
    </message>
    <message>
        <source>For the customer&apos;s KMS administrator</source>
        <translation>供客户的 KMS 管理员核对</translation>
    </message>
    <message>
        <source>For the customer&apos;s KMS administrator:</source>
        <translation>供客户的 KMS 管理员核对：</translation>
    </message>
    <message>
        <source>An Office 2013 KMS host key is installed on the KMS host, and the host is activated (otherwise 0xC004F042 or 0xC004F041).</source>
        <translation>KMS 主机上已安装 Office 2013 KMS 主机密钥，且该主机已激活（否则为 0xC004F042 或 0xC004F041）。</translation>
    </message>
    <message>
        <source>The KMS host has counted 5 or more Office clients (0xC004F038 until then).</source>
        <translation>KMS 主机已统计到 5 个或更多 Office 客户端（在此之前为 0xC004F038）。</translation>
    </message>
    <message>
        <source>TCP port 1688 is open in the KMS host&apos;s firewall.</source>
        <translation>KMS 主机的防火墙已打开 TCP 端口 1688。</translation>
    </message>
    <message>
        <source>TCP port {port} (the SRV record&apos;s) is open in the KMS host&apos;s firewall.</source>
        <translation>KMS 主机防火墙中的 TCP 端口 {port}（SRV 记录中的端口）已打开。</translation>
    </message>
    <message>
        <source>The clocks of the console and the KMS host are within 4 hours of each other.</source>
        <translation>控制台与 KMS 主机的时钟相差不超过 4 小时。</translation>
    </message>
    <message>
        <source>KMS protocol</source>
        <translation>KMS 协议</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation>可连接</translation>
    </message>
    <message>
        <source>Connect ms</source>
        <translation>连接毫秒</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预期</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>speaks KMS</source>
        <translation>支持 KMS 协议</translation>
    </message>
    <message>
        <source>RPC, no KMS</source>
        <translation>RPC，无 KMS</translation>
    </message>
    <message>
        <source>not RPC</source>
        <translation>非 RPC</translation>
    </message>
    <message>
        <source>closed, no reply</source>
        <translation>已关闭，无应答</translation>
    </message>
    <message>
        <source>no reply in time</source>
        <translation>未及时应答</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>{host} speaks KMS on port {port}.</source>
        <translation>{host} 在端口 {port} 上支持 KMS 协议。</translation>
    </message>
    <message>
        <source>{host} runs an RPC service on port {port} that does not offer KMS.</source>
        <translation>{host} 在端口 {port} 上运行的 RPC 服务不提供 KMS。</translation>
    </message>
    <message>
        <source>Something other than KMS listens on {host} port {port}: its answer is not valid DCE/RPC.</source>
        <translation>{host} 的端口 {port} 上监听的不是 KMS：其应答不是有效的 DCE/RPC。</translation>
    </message>
    <message>
        <source>{host} accepted the connection on port {port}, then closed it without answering the KMS bind.</source>
        <translation>{host} 在端口 {port} 上接受了连接，但未应答 KMS 绑定 (bind) 就关闭了连接。</translation>
    </message>
    <message>
        <source>{host} accepted the connection on port {port} but did not answer the KMS bind in time.</source>
        <translation>{host} 在端口 {port} 上接受了连接，但未及时应答 KMS 绑定 (bind)。</translation>
    </message>
    <message>
        <source>{host} accepted the connection on port {port}; the KMS protocol was not checked.</source>
        <translation>{host} 在端口 {port} 上接受了连接；未检查 KMS 协议。</translation>
    </message>
    <message>
        <source>Whether it will activate Office 2013 is shown only by the console&apos;s own ospp.vbs /act.</source>
        <translation>它能否激活 Office 2013，只有控制台自己运行 ospp.vbs /act 才能确定。</translation>
    </message>
    <message>
        <source>accepted {syntaxes}</source>
        <translation>已接受 {syntaxes}</translation>
    </message>
    <message>
        <source>bind refused (bind_nak, reason {reason})</source>
        <translation>绑定被拒绝（bind_nak，原因 {reason}）</translation>
    </message>
    <message>
        <source>KMS interface rejected (reasons {reasons})</source>
        <translation>KMS 接口被拒绝（原因 {reasons}）</translation>
    </message>
    <message>
        <source>replied with call id {got} instead of {sent}</source>
        <translation>应答的调用 ID 为 {got}，而不是 {sent}</translation>
    </message>
    <message>
        <source>the answer is not DCE/RPC version 5</source>
        <translation>应答不是 DCE/RPC 第 5 版</translation>
    </message>
    <message>
        <source>its length field is under 16 or over 5840 bytes</source>
        <translation>其长度字段小于 16 字节或大于 5840 字节</translation>
    </message>
    <message>
        <source>an RPC packet other than a bind_ack or bind_nak came back</source>
        <translation>返回的 RPC 数据包既不是 bind_ack 也不是 bind_nak</translation>
    </message>
    <message>
        <source>the bind_ack is shorter than the fields it announces</source>
        <translation>bind_ack 比其声明的字段短</translation>
    </message>
    <message>
        <source>the connection ended before the whole answer arrived</source>
        <translation>完整应答到达之前连接已结束</translation>
    </message>
    <message>
        <source>the bind_ack is a fragment, not a whole packet (PFC_FIRST_FRAG or PFC_LAST_FRAG missing)</source>
        <translation>bind_ack 是一个分片，而不是完整的数据包（缺少 PFC_FIRST_FRAG 或 PFC_LAST_FRAG）</translation>
    </message>
    <message>
        <source>the bind_ack&apos;s lengths do not add up (frag_length or auth_length)</source>
        <translation>bind_ack 的长度对不上（frag_length 或 auth_length）</translation>
    </message>
    <message>
        <source>the bind_ack answers another number of contexts than were offered</source>
        <translation>bind_ack 应答的上下文数量与所提供的不同</translation>
    </message>
    <message>
        <source>the bind_ack accepts a transfer syntax that was never offered</source>
        <translation>bind_ack 接受了从未提供的传输语法</translation>
    </message>
    <message>
        <source>the bind_ack holds a context result that does not exist</source>
        <translation>bind_ack 含有不存在的上下文结果</translation>
    </message>
    <message>
        <source>the bind was refused (bind_nak)</source>
        <translation>绑定被拒绝（bind_nak）</translation>
    </message>
    <message>
        <source>the KMS interface was rejected</source>
        <translation>KMS 接口被拒绝</translation>
    </message>
    <message>
        <source>{host} ({address}) answered the KMS bind with an invalid packet: {reason}. It is not taken as a KMS host.</source>
        <translation>{host}（{address}）以无效的数据包应答了 KMS 绑定：{reason}。不将其视为 KMS 主机。</translation>
    </message>
</context>
<context>
    <name>pdf</name>
    <message>
        <source>Skype Room System license record: {site}</source>
        <translation>Skype 会议室系统许可记录：{site}</translation>
    </message>
    <message>
        <source>the PDF could not be started</source>
        <translation>无法开始生成 PDF</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
</context>
<context>
    <name>product_key</name>
    <message>
        <source>there is no O or 0 in product keys; perhaps D, Q or 9</source>
        <translation>产品密钥中没有 O 或 0；可能是 D、Q 或 9</translation>
    </message>
    <message>
        <source>there is no 0 or O in product keys; perhaps D, Q or 9</source>
        <translation>产品密钥中没有 0 或 O；可能是 D、Q 或 9</translation>
    </message>
    <message>
        <source>there is no I or 1 in product keys; perhaps J or 7</source>
        <translation>产品密钥中没有 I 或 1；可能是 J 或 7</translation>
    </message>
    <message>
        <source>there is no 1 or I in product keys; perhaps J or 7</source>
        <translation>产品密钥中没有 1 或 I；可能是 J 或 7</translation>
    </message>
    <message>
        <source>there is no L in product keys; perhaps 4 or 7</source>
        <translation>产品密钥中没有 L；可能是 4 或 7</translation>
    </message>
    <message>
        <source>there is no S in product keys; perhaps 6 or 8</source>
        <translation>产品密钥中没有 S；可能是 6 或 8</translation>
    </message>
    <message>
        <source>there is no 5 in product keys; perhaps 6 or 8</source>
        <translation>产品密钥中没有 5；可能是 6 或 8</translation>
    </message>
    <message>
        <source>there is no A in product keys; perhaps 4</source>
        <translation>产品密钥中没有 A；可能是 4</translation>
    </message>
    <message>
        <source>there is no E in product keys; perhaps 3 or 8</source>
        <translation>产品密钥中没有 E；可能是 3 或 8</translation>
    </message>
    <message>
        <source>there is no U in product keys; perhaps V</source>
        <translation>产品密钥中没有 U；可能是 V</translation>
    </message>
    <message>
        <source>there is no Z in product keys; perhaps 2</source>
        <translation>产品密钥中没有 Z；可能是 2</translation>
    </message>
    <message>
        <source>The key has {count} of 25 characters.</source>
        <translation>密钥有 {count} 个字符，共需 25 个。</translation>
    </message>
    <message>
        <source>The key has {count} characters; a product key has 25.</source>
        <translation>密钥有 {count} 个字符；产品密钥应为 25 个。</translation>
    </message>
    <message>
        <source>Character {position} cannot be in a product key.</source>
        <translation>第 {position} 个字符不能出现在产品密钥中。</translation>
    </message>
    <message>
        <source>Character {position} (&quot;{char}&quot;) cannot be in a product key: {hint}.</source>
        <translation>第 {position} 个字符（“{char}”）不能出现在产品密钥中：{hint}。</translation>
    </message>
    <message>
        <source>Character {position} (&quot;{char}&quot;) cannot be in a product key.</source>
        <translation>第 {position} 个字符（“{char}”）不能出现在产品密钥中。</translation>
    </message>
    <message>
        <source>The key has {count} letters N; a product key has exactly one.</source>
        <translation>密钥中有 {count} 个字母 N；产品密钥恰好有一个。</translation>
    </message>
    <message>
        <source>The key has no letter N; a product key has exactly one.</source>
        <translation>密钥中没有字母 N；产品密钥恰好有一个。</translation>
    </message>
    <message>
        <source>The letter N cannot be the last character of a product key.</source>
        <translation>字母 N 不能是产品密钥的最后一个字符。</translation>
    </message>
    <message>
        <source>The checksum does not match: at least one character is mistyped (compare each group with the original).</source>
        <translation>校验和不符：至少有一个字符输错了（请逐组与原件核对）。</translation>
    </message>
    <message>
        <source>This is the public KMS client key (GVLK) of {product}, not a MAK: it activates only against a KMS host.</source>
        <translation>这是 {product} 的公开 KMS 客户端密钥 (GVLK)，不是 MAK：它只能通过 KMS 主机激活。</translation>
    </message>
    <message>
        <source>… and {count} more characters that cannot be in a product key.</source>
        <translation>……另有 {count} 个字符不能出现在产品密钥中。</translation>
    </message>
</context>
<context>
    <name>promo</name>
    <message>
        <source>This is not a valid email address: {reason}</source>
        <translation>这不是有效的电子邮件地址：{reason}</translation>
    </message>
    <message>
        <source>It has the full-width ＠; type the ordinary @ instead.</source>
        <translation>使用了全角 ＠，请改用半角 @。</translation>
    </message>
    <message>
        <source>It has a small ﹫; type the ordinary @ instead.</source>
        <translation>使用了小号 ﹫，请改用半角 @。</translation>
    </message>
    <message>
        <source>It needs an @, as in name@company.com.</source>
        <translation>需要一个 @，例如 name@company.com。</translation>
    </message>
    <message>
        <source>Something must come before the @.</source>
        <translation>@ 前面必须有内容。</translation>
    </message>
    <message>
        <source>Something must come after the @.</source>
        <translation>@ 后面必须有内容。</translation>
    </message>
    <message>
        <source>These characters cannot come before the @: {chars}.</source>
        <translation>@ 前面不能有这些字符：{chars}。</translation>
    </message>
    <message>
        <source>These characters cannot come after the @: {chars}.</source>
        <translation>@ 后面不能有这些字符：{chars}。</translation>
    </message>
    <message>
        <source>Two dots in a row are not allowed.</source>
        <translation>不能有两个连续的点。</translation>
    </message>
    <message>
        <source>It cannot start with a dot.</source>
        <translation>不能以点开头。</translation>
    </message>
    <message>
        <source>It cannot end with a dot.</source>
        <translation>不能以点结尾。</translation>
    </message>
    <message>
        <source>A dot cannot stand right next to the @.</source>
        <translation>点不能紧挨着 @。</translation>
    </message>
    <message>
        <source>The part after the @ needs a dot, as in company.com.</source>
        <translation>@ 后面的部分需要一个点，例如 company.com。</translation>
    </message>
    <message>
        <source>The part after the @ does not end in a real top-level domain (such as .com or .cn).</source>
        <translation>@ 后面的部分不是以真实的顶级域结尾（例如 .com 或 .cn）。</translation>
    </message>
    <message>
        <source>The part after the @ is a reserved name that email cannot use.</source>
        <translation>@ 后面是保留名称，不能用于电子邮件。</translation>
    </message>
    <message>
        <source>Nothing may follow the address.</source>
        <translation>地址后面不能再有内容。</translation>
    </message>
    <message>
        <source>space</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>A phone number may have digits, a leading +, spaces, dashes, brackets and an extension (ext. 123).</source>
        <translation>电话号码可包含数字、开头的 +、空格、短划线、括号和分机号（转 123）。</translation>
    </message>
    <message>
        <source>The + goes only at the start of an international number.</source>
        <translation>+ 只能出现在国际号码的开头。</translation>
    </message>
    <message>
        <source>The brackets in the phone number do not match.</source>
        <translation>电话号码中的括号不配对。</translation>
    </message>
    <message>
        <source>The phone number is too short to dial.</source>
        <translation>电话号码太短，无法拨打。</translation>
    </message>
    <message>
        <source>The phone number has more than 15 digits.</source>
        <translation>电话号码超过 15 位数字。</translation>
    </message>
    <message>
        <source>Enter the company name.</source>
        <translation>请输入公司名称。</translation>
    </message>
    <message>
        <source>Enter the deployment contact&apos;s name.</source>
        <translation>请输入部署联系人的姓名。</translation>
    </message>
    <message>
        <source>Enter the deployment contact&apos;s email address.</source>
        <translation>请输入部署联系人的电子邮件地址。</translation>
    </message>
    <message>
        <source>Enter the deployment contact&apos;s phone number.</source>
        <translation>请输入部署联系人的电话号码。</translation>
    </message>
    <message>
        <source>Enter the number of systems as a whole number.</source>
        <translation>请以整数输入系统数量。</translation>
    </message>
    <message>
        <source>The number of systems must be from 1 to {max}.</source>
        <translation>系统数量必须在 1 到 {max} 之间。</translation>
    </message>
    <message>
        <source>Enter the deployment date.</source>
        <translation>请输入部署日期。</translation>
    </message>
    <message>
        <source>This date is more than two years ago; is it right?</source>
        <translation>此日期已是两年多以前；确定吗？</translation>
    </message>
    <message>
        <source>This date is more than a year ahead; is it right?</source>
        <translation>此日期在一年以后；确定吗？</translation>
    </message>
    <message>
        <source>Give the TAM&apos;s contact details too, or clear the TAM&apos;s name.</source>
        <translation>请同时提供 TAM 的联系方式，或清除 TAM 的姓名。</translation>
    </message>
    <message>
        <source>Give the TAM&apos;s name too, or clear the contact details.</source>
        <translation>请同时提供 TAM 的姓名，或清除联系方式。</translation>
    </message>
    <message>
        <source>The note is too long: at most {limit} characters.</source>
        <translation>备注太长：最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>Promotional MAK request: {company}, {count} Skype Room System(s)</source>
        <translation>促销 MAK 申请：{company}，{count} 套 Skype 会议室系统</translation>
    </message>
    <message>
        <source>Hello {oem},</source>
        <translation>{oem}，您好：</translation>
    </message>
    <message>
        <source>Hello,</source>
        <translation>您好：</translation>
    </message>
    <message>
        <source>We are an Office 365 customer without access to the Volume Licensing Service Center and ask for a promotional MAK for the Skype for Business client of our Skype Room Systems.</source>
        <translation>我们是 Office 365 客户，无法访问批量许可服务中心，现申请用于我们 Skype 会议室系统中 Skype for Business 客户端的促销 MAK。</translation>
    </message>
    <message>
        <source>Company name: {value}</source>
        <translation>公司名称：{value}</translation>
    </message>
    <message>
        <source>Deployment contact: {value}</source>
        <translation>部署联系人：{value}</translation>
    </message>
    <message>
        <source>Contact email: {value}</source>
        <translation>联系人电子邮件：{value}</translation>
    </message>
    <message>
        <source>Contact phone: {value}</source>
        <translation>联系人电话：{value}</translation>
    </message>
    <message>
        <source>Number of systems deployed: {value}</source>
        <translation>部署的系统数量：{value}</translation>
    </message>
    <message>
        <source>Deployment date: {value}</source>
        <translation>部署日期：{value}</translation>
    </message>
    <message>
        <source>Microsoft TAM: {name} ({contact})</source>
        <translation>Microsoft 技术客户经理 (TAM)：{name}（{contact}）</translation>
    </message>
    <message>
        <source>Microsoft TAM: none</source>
        <translation>Microsoft 技术客户经理 (TAM)：无</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Thank you,</source>
        <translation>谢谢！</translation>
    </message>
</context>
<context>
    <name>record</name>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>真/假 (true/false)</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>null</source>
        <translation>空值 (null)</translation>
    </message>
    <message>
        <source>something else</source>
        <translation>其他类型</translation>
    </message>
    <message>
        <source>not valid JSON: nested too deeply</source>
        <translation>不是有效的 JSON：嵌套太深</translation>
    </message>
    <message>
        <source>the file is larger than {size} MB; a record is much smaller</source>
        <translation>文件大于 {size} MB；记录文件要小得多</translation>
    </message>
    <message>
        <source>schema: not a session record of this version (expected &quot;{expected}&quot;)</source>
        <translation>schema：不是此版本的会话记录（应为“{expected}”）</translation>
    </message>
    <message>
        <source>{field}: missing</source>
        <translation>{field}：缺失</translation>
    </message>
    <message>
        <source>{field}: expected {kind}, found {found}</source>
        <translation>{field}：应为{kind}，实际为{found}</translation>
    </message>
    <message>
        <source>{field}: must be one of {choices}</source>
        <translation>{field}：必须是以下之一：{choices}</translation>
    </message>
    <message>
        <source>{field}: longer than {limit} characters</source>
        <translation>{field}：超过 {limit} 个字符</translation>
    </message>
    <message>
        <source>{field}: more than {limit} items</source>
        <translation>{field}：超过 {limit} 项</translation>
    </message>
    <message>
        <source>{field}: nested deeper than {limit} levels</source>
        <translation>{field}：嵌套超过 {limit} 层</translation>
    </message>
    <message>
        <source>{field}: not a finite number (NaN or Infinity)</source>
        <translation>{field}：不是有限的数字（NaN 或 Infinity）</translation>
    </message>
    <message>
        <source>{field}: must be from {low} to {high}</source>
        <translation>{field}：必须在 {low} 到 {high} 之间</translation>
    </message>
    <message>
        <source>{field}: holds a broken character (a lone UTF-16 surrogate)</source>
        <translation>{field}：含有损坏的字符（孤立的 UTF-16 代理项）</translation>
    </message>
    <message>
        <source>{field}: holds an unmasked product key; records keep only the last 5 characters</source>
        <translation>{field}：含有未遮盖的产品密钥；记录只保留最后 5 个字符</translation>
    </message>
    <message>
        <source>{field}: not a masked key (*****-*****-*****-*****-XXXXX)</source>
        <translation>{field}：不是遮盖后的密钥 (*****-*****-*****-*****-XXXXX)</translation>
    </message>
    <message>
        <source>{field}: not a date (YYYY-MM-DD)</source>
        <translation>{field}：不是日期 (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>{field}: not an ISO 8601 date and time</source>
        <translation>{field}：不是 ISO 8601 日期和时间</translation>
    </message>
    <message>
        <source>{field}: not in the form YYYY-MM-DDTHH:MM:SS+HH:MM that records are written in</source>
        <translation>{field}：不是记录所用的 YYYY-MM-DDTHH:MM:SS+HH:MM 格式</translation>
    </message>
    <message>
        <source>{field}: the time has no UTC offset</source>
        <translation>{field}：时间没有 UTC 偏移</translation>
    </message>
    <message>
        <source>{field}: the verdict is ready, but no host is reachable</source>
        <translation>{field}：结论为就绪，但没有可连接的主机</translation>
    </message>
    <message>
        <source>the record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>the record is not a JSON object</source>
        <translation>记录不是 JSON 对象</translation>
    </message>
    <message>
        <source>{field}: the path is {path} but its results are missing</source>
        <translation>{field}：路径为 {path}，但缺少其结果</translation>
    </message>
    <message>
        <source>not valid JSON: {reason}</source>
        <translation>不是有效的 JSON：{reason}</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <source>Domain</source>
        <translation>域</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>{verdict}: {sentence}</source>
        <translation>{verdict}：{sentence}</translation>
    </message>
    <message>
        <source>Next steps:</source>
        <translation>后续步骤：</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>密钥：</translation>
    </message>
    <message>
        <source>25 characters:</source>
        <translation>25 个字符：</translation>
    </message>
    <message>
        <source>Characters:</source>
        <translation>字符：</translation>
    </message>
    <message>
        <source>One N:</source>
        <translation>一个 N：</translation>
    </message>
    <message>
        <source>Checksum:</source>
        <translation>校验和：</translation>
    </message>
    <message>
        <source>The key passes every offline check.</source>
        <translation>密钥通过了所有离线检查。</translation>
    </message>
    <message>
        <source>The key does not pass the offline checks.</source>
        <translation>密钥未通过离线检查。</translation>
    </message>
</context>
<context>
    <name>rollout</name>
    <message>
        <source>Licensed</source>
        <translation>已授权</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待完成</translation>
    </message>
    <message>
        <source>Failing</source>
        <translation>有故障</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>KMS</source>
        <translation>KMS</translation>
    </message>
    <message>
        <source>MAK</source>
        <translation>MAK</translation>
    </message>
    <message>
        <source>Promo MAK</source>
        <translation>促销 MAK</translation>
    </message>
    <message>
        <source>KMS ready</source>
        <translation>KMS 就绪</translation>
    </message>
    <message>
        <source>KMS found, not contacted</source>
        <translation>找到 KMS，未连接</translation>
    </message>
    <message>
        <source>no KMS service answers</source>
        <translation>没有 KMS 服务应答</translation>
    </message>
    <message>
        <source>KMS unreachable</source>
        <translation>KMS 无法连接</translation>
    </message>
    <message>
        <source>no KMS in DNS</source>
        <translation>DNS 中没有 KMS</translation>
    </message>
    <message>
        <source>DNS error</source>
        <translation>DNS 错误</translation>
    </message>
    <message>
        <source>no DNS domain</source>
        <translation>没有 DNS 域</translation>
    </message>
    <message>
        <source>{count} unexpected host(s)</source>
        <translation>{count} 个意外主机</translation>
    </message>
    <message>
        <source>key passes offline checks</source>
        <translation>密钥通过离线检查</translation>
    </message>
    <message>
        <source>a KMS client key, not a MAK</source>
        <translation>是 KMS 客户端密钥，不是 MAK</translation>
    </message>
    <message>
        <source>key checksum failed</source>
        <translation>密钥校验和不符</translation>
    </message>
    <message>
        <source>key invalid</source>
        <translation>密钥无效</translation>
    </message>
    <message>
        <source>{last5}: {state}</source>
        <translation>{last5}：{state}</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>licensed</source>
        <translation>已授权</translation>
    </message>
    <message>
        <source>grace period, not activated</source>
        <translation>宽限期，未激活</translation>
    </message>
    <message>
        <source>activation error</source>
        <translation>激活错误</translation>
    </message>
    <message>
        <source>no key installed</source>
        <translation>未安装密钥</translation>
    </message>
    <message>
        <source>product not found</source>
        <translation>未找到产品</translation>
    </message>
    <message>
        <source>output unreadable</source>
        <translation>输出无法读取</translation>
    </message>
    <message>
        <source>unknown answer</source>
        <translation>未知结果</translation>
    </message>
    <message>
        <source>not sent yet</source>
        <translation>尚未发送</translation>
    </message>
    <message>
        <source>copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>saved as .eml</source>
        <translation>已保存为 .eml</translation>
    </message>
    <message>
        <source>opened in the mail app</source>
        <translation>已在邮件应用中打开</translation>
    </message>
    <message>
        <source>Activation failed on the console: see its record.</source>
        <translation>控制台上的激活失败：请查看其记录。</translation>
    </message>
    <message>
        <source>An unexpected (rogue) KMS host answers in DNS.</source>
        <translation>DNS 中有意外的（非法）KMS 主机应答。</translation>
    </message>
    <message>
        <source>KMS hosts found, but none speaks KMS (something else listens there).</source>
        <translation>找到了 KMS 主机，但没有一个支持 KMS 协议（该端口上是其他服务）。</translation>
    </message>
    <message>
        <source>KMS hosts found, but none answers.</source>
        <translation>找到了 KMS 主机，但没有一个应答。</translation>
    </message>
    <message>
        <source>No KMS host is published in DNS.</source>
        <translation>DNS 中没有发布 KMS 主机。</translation>
    </message>
    <message>
        <source>DNS could not be asked.</source>
        <translation>无法查询 DNS。</translation>
    </message>
    <message>
        <source>No DNS domain to search.</source>
        <translation>没有可搜索的 DNS 域。</translation>
    </message>
    <message>
        <source>A KMS client key was typed where a MAK belongs.</source>
        <translation>在应输入 MAK 的地方输入了 KMS 客户端密钥。</translation>
    </message>
    <message>
        <source>The product key fails the offline checks.</source>
        <translation>产品密钥未通过离线检查。</translation>
    </message>
    <message>
        <source>The key&apos;s checksum failed; it was kept anyway.</source>
        <translation>密钥的校验和不符，但仍被保留。</translation>
    </message>
    <message>
        <source>No product key is installed on the console.</source>
        <translation>控制台上没有安装产品密钥。</translation>
    </message>
    <message>
        <source>In the grace period: not activated yet.</source>
        <translation>处于宽限期：尚未激活。</translation>
    </message>
    <message>
        <source>The promo MAK request has not been sent.</source>
        <translation>促销 MAK 申请尚未发送。</translation>
    </message>
    <message>
        <source>Waiting for the promo MAK from the OEM.</source>
        <translation>正在等待 OEM 提供促销 MAK。</translation>
    </message>
    <message>
        <source>A VLSC step is not confirmed.</source>
        <translation>有一个 VLSC 步骤尚未确认。</translation>
    </message>
    <message>
        <source>The activation check did not find the product.</source>
        <translation>激活检查没有找到该产品。</translation>
    </message>
    <message>
        <source>The activation check could not be read.</source>
        <translation>无法读取激活检查的结果。</translation>
    </message>
    <message>
        <source>The activation check has an answer this version does not know.</source>
        <translation>激活检查的结果是此版本不认识的。</translation>
    </message>
    <message>
        <source>The console report holds no license state (not run as administrator, or no Office).</source>
        <translation>控制台报告中没有许可状态（未以管理员身份运行，或没有 Office）。</translation>
    </message>
    <message>
        <source>Activation not checked on the console.</source>
        <translation>未在控制台上检查激活。</translation>
    </message>
    <message>
        <source>The console&apos;s own ospp.vbs /dstatus reports an activation error (the code is under Activation): fix it on the console, then collect its report again.</source>
        <translation>控制台自己的 ospp.vbs /dstatus 报告激活错误（错误代码见“激活”列）：请在控制台上解决，然后重新收集其报告。</translation>
    </message>
    <message>
        <source>The console report holds no license state: ospp.vbs /dstatus timed out on the console. Collect the report again.</source>
        <translation>控制台报告中没有许可状态：ospp.vbs /dstatus 在控制台上超时。请重新收集报告。</translation>
    </message>
    <message>
        <source>The console report holds no license state: ospp.vbs /dstatus could not be started on the console.</source>
        <translation>控制台报告中没有许可状态：ospp.vbs /dstatus 无法在控制台上启动。</translation>
    </message>
    <message>
        <source>The console report holds no license state: no Office ospp.vbs was found on the console.</source>
        <translation>控制台报告中没有许可状态：在控制台上未找到 Office 的 ospp.vbs。</translation>
    </message>
    <message>
        <source>The console report holds no license state: the collector did not run as administrator. Run it as administrator (or as SYSTEM).</source>
        <translation>控制台报告中没有许可状态：收集脚本未以管理员身份运行。请以管理员身份（或以 SYSTEM 身份）运行。</translation>
    </message>
    <message>
        <source>console report: {problem}</source>
        <translation>控制台报告：{problem}</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>没有这个文件或文件夹</translation>
    </message>
    <message>
        <source>not a regular file; not read</source>
        <translation>不是普通文件；未读取</translation>
    </message>
    <message>
        <source>cannot be read: {reason}</source>
        <translation>无法读取：{reason}</translation>
    </message>
    <message>
        <source>too large ({size} bytes; a record or a console report is far smaller); not read</source>
        <translation>太大（{size} 字节；记录或控制台报告要小得多）；未读取</translation>
    </message>
    <message>
        <source>refused: it holds a whole product key (records keep only the last 5 characters)</source>
        <translation>已拒绝：其中含有完整的产品密钥（记录只保留最后 5 个字符）</translation>
    </message>
    <message>
        <source>not a valid record</source>
        <translation>不是有效的记录</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Site / room</source>
        <translation>地点/会议室</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>计算机</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技术人员</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>KMS / key</source>
        <translation>KMS/密钥</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活</translation>
    </message>
    <message>
        <source>Promo request</source>
        <translation>促销申请</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>需要处理</translation>
    </message>
    <message>
        <source>Older records</source>
        <translation>较早的记录</translation>
    </message>
    <message>
        <source>Older reports</source>
        <translation>较早的报告</translation>
    </message>
    <message>
        <source>Record file</source>
        <translation>记录文件</translation>
    </message>
    <message>
        <source>Console report</source>
        <translation>控制台报告</translation>
    </message>
    <message>
        <source>{file} (collected {day})</source>
        <translation>{file}（{day} 收集）</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>会议室</translation>
    </message>
    <message>
        <source>{rooms} rooms: {licensed} licensed, {pending} pending, {failing} failing, {not_checked} not checked</source>
        <translation>{rooms} 个会议室：{licensed} 个已授权，{pending} 个待完成，{failing} 个有故障，{not_checked} 个未检查</translation>
    </message>
    <message>
        <source>{records} records read ({older} older records of the same rooms not shown); {foreign} other JSON files skipped; {bad} files not included.</source>
        <translation>已读取 {records} 条记录（同一会议室的 {older} 条较早记录未显示）；跳过了 {foreign} 个其他 JSON 文件；{bad} 个文件未包括。</translation>
    </message>
    <message>
        <source>{reports} console reports read ({older} older reports of the same consoles not shown).</source>
        <translation>已读取 {reports} 份控制台报告（同一控制台的 {older} 份较早报告未显示）。</translation>
    </message>
    <message>
        <source>read {files} files, {rooms} rooms and consoles so far…</source>
        <translation>已读取 {files} 个文件，目前共 {rooms} 个会议室和控制台…</translation>
    </message>
    <message>
        <source>Licensed: the console&apos;s own activation check says licensed. Nothing else counts as licensed.</source>
        <translation>已授权：控制台自己的激活检查结果为已授权。其他任何情况都不算已授权。</translation>
    </message>
    <message>
        <source>Failing: activation failed, or, without an activation check, the KMS check or the key found a problem.</source>
        <translation>有故障：激活失败；或者没有激活检查，而 KMS 检查或密钥发现了问题。</translation>
    </message>
    <message>
        <source>Pending: waiting for a key or an activation (promo MAK, grace period, an open VLSC step).</source>
        <translation>待完成：正在等待密钥或激活（促销 MAK、宽限期、未完成的 VLSC 步骤）。</translation>
    </message>
    <message>
        <source>Not checked: the licensing route looks right but the activation was not checked, or its answer could not be used.</source>
        <translation>未检查：许可方式看来正确，但未检查激活，或激活检查的结果无法使用。</translation>
    </message>
    <message>
        <source>Skype Room System rollout: licensing report</source>
        <translation>Skype 会议室系统部署：许可报告</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>No record or console report could be read.</source>
        <translation>没有能读取的记录或控制台报告。</translation>
    </message>
    <message>
        <source>Not included</source>
        <translation>未包括</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>How rooms are classified</source>
        <translation>会议室的分类方法</translation>
    </message>
    <message>
        <source>Made on {when}</source>
        <translation>生成于 {when}</translation>
    </message>
</context>
<context>
    <name>summary</name>
    <message>
        <source>KMS (Key Management Service) found in DNS</source>
        <translation>DNS 中找到 KMS（密钥管理服务）</translation>
    </message>
    <message>
        <source>MAK from the Volume Licensing Service Center</source>
        <translation>来自批量许可服务中心的 MAK</translation>
    </message>
    <message>
        <source>Promotional MAK from the OEM (Office 365 without VLSC access)</source>
        <translation>OEM 提供的促销 MAK（没有 VLSC 访问权限的 Office 365）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>KMS check</source>
        <translation>KMS 检查</translation>
    </message>
    <message>
        <source>KMS (Key Management Service): no KMS host found in DNS</source>
        <translation>KMS（密钥管理服务）：DNS 中未找到 KMS 主机</translation>
    </message>
    <message>
        <source>KMS (Key Management Service): not checked</source>
        <translation>KMS（密钥管理服务）：未检查</translation>
    </message>
    <message>
        <source>KMS (Key Management Service): the check found no working KMS host</source>
        <translation>KMS（密钥管理服务）：检查未发现可用的 KMS 主机</translation>
    </message>
    <message>
        <source>This computer&apos;s check: {title}</source>
        <translation>本计算机的检查：{title}</translation>
    </message>
    <message>
        <source>DNS domains searched</source>
        <translation>已搜索的 DNS 域</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>域</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <source>The console&apos;s nslookup</source>
        <translation>控制台的 nslookup</translation>
    </message>
    <message>
        <source>DNS servers asked: {servers}</source>
        <translation>已询问的 DNS 服务器：{servers}</translation>
    </message>
    <message>
        <source>The customer&apos;s IT knows its VLSC sign-in</source>
        <translation>客户的 IT 部门知道其 VLSC 登录凭据</translation>
    </message>
    <message>
        <source>The volume license agreement is confirmed (finance can confirm it is paid)</source>
        <translation>已确认批量许可协议（财务部门可确认是否已付款）</translation>
    </message>
    <message>
        <source>The MAK was downloaded from VLSC</source>
        <translation>已从 VLSC 下载 MAK</translation>
    </message>
    <message>
        <source>Product key</source>
        <translation>产品密钥</translation>
    </message>
    <message>
        <source>Offline checks</source>
        <translation>离线检查</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>not passed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>校验和</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>The technician chose to use this key although its checksum failed.</source>
        <translation>尽管校验和不符，技术人员仍选择使用此密钥。</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>MAK</source>
        <translation>多次激活密钥 (MAK)</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <source>Deployment contact</source>
        <translation>部署联系人</translation>
    </message>
    <message>
        <source>Contact email</source>
        <translation>联系人电子邮件</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系人电话</translation>
    </message>
    <message>
        <source>Number of systems</source>
        <translation>系统数量</translation>
    </message>
    <message>
        <source>Deployment date</source>
        <translation>部署日期</translation>
    </message>
    <message>
        <source>TAM</source>
        <translation>TAM</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>OEM</source>
        <translation>OEM</translation>
    </message>
    <message>
        <source>copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>saved as .eml</source>
        <translation>已保存为 .eml</translation>
    </message>
    <message>
        <source>opened in the mail app</source>
        <translation>已在邮件应用中打开</translation>
    </message>
    <message>
        <source>not yet sent</source>
        <translation>尚未发送</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Promotional MAK request</source>
        <translation>促销 MAK 申请</translation>
    </message>
    <message>
        <source>pasted from the console</source>
        <translation>从控制台粘贴</translation>
    </message>
    <message>
        <source>read from a saved file</source>
        <translation>从保存的文件读取</translation>
    </message>
    <message>
        <source>run on this computer</source>
        <translation>在本机运行</translation>
    </message>
    <message>
        <source>Console&apos;s answer</source>
        <translation>控制台的输出</translation>
    </message>
    <message>
        <source>Checked at</source>
        <translation>检查时间</translation>
    </message>
    <message>
        <source>Offline activation</source>
        <translation>离线激活</translation>
    </message>
    <message>
        <source>{host} (registry override: DNS discovery off until /remhst)</source>
        <translation>{host}（注册表覆盖：在运行 /remhst 之前 DNS 自动发现处于关闭状态）</translation>
    </message>
    <message>
        <source>KMS host the console uses</source>
        <translation>控制台使用的 KMS 主机</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活</translation>
    </message>
    <message>
        <source>Technician: {name}</source>
        <translation>技术人员：{name}</translation>
    </message>
    <message>
        <source>Customer: {name}</source>
        <translation>客户：{name}</translation>
    </message>
    <message>
        <source>Skype Room System: Skype for Business license</source>
        <translation>Skype 会议室系统：Skype for Business 许可证</translation>
    </message>
    <message>
        <source>Recorded by srs-wizard {version} on {when}</source>
        <translation>由 srs-wizard {version} 于 {when} 记录</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技术人员</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Site / room</source>
        <translation>地点/会议室</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>计算机</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Licensing path</source>
        <translation>许可途径</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>后续步骤</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
</TS>
