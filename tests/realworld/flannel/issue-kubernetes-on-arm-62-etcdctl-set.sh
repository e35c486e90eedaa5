$ etcdctl set /coreos.com/network/config   '{ "Network": "10.1.0.0/16", "Backend": { "Type": "host-gw" } }'
