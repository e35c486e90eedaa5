az aks create -g rg -n aks --network-plugin azure --network-plugin-mode overlay --network-dataplane cilium --network-policy calico
