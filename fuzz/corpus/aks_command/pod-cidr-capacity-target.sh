az aks create -g rg -n aks --network-plugin azure --network-plugin-mode overlay --pod-cidr 100.64.0.0/16
