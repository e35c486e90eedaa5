import re, subprocess, sys, os, glob, shlex
AZ='/tmp/azvenv/bin/az'
env=dict(os.environ, AZURE_CONFIG_DIR='/tmp/azcfg')
def commands(text):
    # join continuations (bash \, PowerShell `, cmd ^)
    text=text.replace('\r\n','\n')
    text=re.sub(r'[ \t]*[\\`^][ \t]*\n', ' ', text)
    out=[]
    for line in text.split('\n'):
        m=re.search(r'(?:^|[\s(;&|])(az\s+aks\s+(create|update)\b.*)$', line)
        if m: out.append(m.group(1))
    return out
def norm(cmd):
    cmd=re.sub(r'\$\((?:[^()]|\([^()]*\))*\)', 'x', cmd)
    cmd=re.sub(r'\$\{[^}]*\}', 'x', cmd)
    cmd=re.sub(r'\$env:\w+', 'x', cmd)
    cmd=re.sub(r'\$\w+', 'x', cmd)
    cmd=re.sub(r'%\w+%', 'x', cmd)
    cmd=re.sub(r'<[^<>]*>', 'x', cmd)
    cmd=cmd.split(' #')[0]
    cmd=re.sub(r'\s+--output\s+\S+|\s+-o\s+\S+','',cmd)
    return cmd.rstrip(')').strip()
for f in sorted(glob.glob('/work/main/tests/realworld/aks/*')):
    if f.endswith('.meta'): continue
    meta=open(f.rsplit('.',1)[0]+'.meta').read()
    verdict=re.search(r'verdict: (\S+)',meta).group(1)
    for c in commands(open(f,encoding='utf-8',errors='replace').read()):
        c=norm(c)
        try: args=shlex.split(c)
        except ValueError as e: print(f"{os.path.basename(f)} [{verdict}] SHLEX {e}"); continue
        r=subprocess.run([AZ]+args[1:],capture_output=True,text=True,env=env,timeout=120)
        msg=(r.stderr.strip().split('\n') or [''])[0]
        ok='az login' in msg
        if not ok or verdict!='valid':
            print(f"{os.path.basename(f)} [{verdict}] {'PARSE-OK' if ok else msg[:150]}")
