az aks update -g rg -n aks --network-plugin-mode overlay --pod-cidr 10.0.0.0/16
