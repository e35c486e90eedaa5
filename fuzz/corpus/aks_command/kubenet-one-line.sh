az aks create -g rg -n aks --network-plugin kubenet -c 3
