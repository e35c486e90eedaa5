az aks create \
    –-resource-group myResourceGroup \
    -–name myAKSCluster \
    --enable-imds-restriction
