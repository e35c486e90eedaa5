az aks create -g rg -n aks --network-plugin azure --network-plugin-mode overlay --pod-cidr 10.0.0.0/8 --service-cidr 10.0.0.0/16 --dns-service-ip 10.0.0.10
