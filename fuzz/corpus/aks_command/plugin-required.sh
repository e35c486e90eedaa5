az aks create --resource-group rg --name aks --pod-cidr 192.168.0.0/16 --service-cidr 10.0.0.0/16 --dns-service-ip 10.0.0.10
