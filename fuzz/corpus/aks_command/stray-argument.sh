az aks create -g rg -n my cluster --network-plugin azure --network-plugin-mode overlay
