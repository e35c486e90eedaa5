# A one-line overlay create with every range spelled out and nothing overlapping.
az aks create -g rg -n aks --network-plugin azure --network-plugin-mode overlay --pod-cidr 100.64.0.0/10 --service-cidr 172.16.0.0/16 --dns-service-ip 172.16.0.10 --max-pods 110 -c 50
