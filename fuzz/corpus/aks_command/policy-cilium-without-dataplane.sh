az aks create -g rg -n aks --network-plugin azure --network-plugin-mode overlay --network-policy cilium
