az aks update \
    --resource-group myResourceGroup \
    --name myAKSCluster \
    --enable-network-observability 
