az aks create -g rg -n aks --network-plugin calico --network-policy azurenpm --network-dataplane ebpf
