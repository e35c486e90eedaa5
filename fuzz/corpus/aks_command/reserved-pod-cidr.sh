az aks create -g rg -n aks --network-plugin azure --network-plugin-mode overlay --pod-cidr 172.16.0.0/12
