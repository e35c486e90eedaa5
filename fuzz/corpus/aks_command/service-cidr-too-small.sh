az aks create -g rg -n aks --network-plugin azure --network-plugin-mode overlay --service-cidr 10.0.0.0/30 --dns-service-ip 10.0.0.2
