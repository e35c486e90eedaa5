# Create a new AKS cluster in the Free tier

az aks create --resource-group myResourceGroup --name myAKSCluster --no-uptime-sla --node-count 1

# Create a new AKS cluster in the Standard tier

az aks create --resource-group myResourceGroup --name myAKSCluster `--uptime-sla`
