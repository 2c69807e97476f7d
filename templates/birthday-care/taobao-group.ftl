@${customer.id} 亲，${facts.birthday}是您的生日，${shop.name}提前祝您生日快乐🎂！
