az aks create -g rg -n aks --network-plugin kubenet --network-policy azure
