az aks create -g rg -n aks --network-plugin azure --network-plugin-mode overlay --service-cidr 10.2.0.0/16 --dns-service-ip 10.2.0.1
