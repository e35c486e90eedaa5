az aks create `
    --resource-group rg `
    --name aks `
    --network-plugin kubenet `
    --pod-cidr 10.244.0.0/16
