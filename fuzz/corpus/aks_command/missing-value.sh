az aks create -g rg -n aks --network-plugin azure --network-plugin-mode overlay --pod-cidr --node-count 3
