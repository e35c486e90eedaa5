$ az aks create \
    --resource-group rg-prod-eus2 \
    --name aks-prod-eus2 \
    --node-count 3 \
    --node-vm-size Standard_D4ds_v5 \
    --network-plugin kubenet \
    --pod-cidr 10.244.0.0/16 \
    --service-cidr 10.0.0.0/16 \
    --dns-service-ip 10.0.0.10 \
    --vnet-subnet-id /subscriptions/.../subnets/snet-aks-nodes
